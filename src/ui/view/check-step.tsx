import {Box, Text} from 'ink';
import type {CheckLine} from '../../engine/session.js';
import {symbolOf} from './marks.js';
import {safeLine} from './safe-text.js';
import {useTheme} from './theme.js';
import {useSpinner} from './use-spinner.js';

export type CheckStepProps = {
	readonly title: string;
	readonly lines: readonly CheckLine[];
};

/** The step that is running: its title, then one line per check, each with its own spinner or result. */
export function CheckStep({title, lines}: CheckStepProps) {
	const theme = useTheme();
	const spinner = useSpinner(lines.some(line => line.state === 'running') || lines.length === 0);
	return (
		<Box flexDirection="column">
			<Text {...theme.heading}>
				{lines.length === 0 ? `${spinner} ` : ''}
				{safeLine(title || 'Working')}…
			</Text>
			{lines.map(line => (
				<CheckLineView key={line.key} line={line} spinner={spinner} />
			))}
		</Box>
	);
}

function CheckLineView({line, spinner}: {readonly line: CheckLine; readonly spinner: string}) {
	const theme = useTheme();
	const running = line.state === 'running';
	const detail = line.summary ? ` — ${safeLine(line.summary)}` : '';
	return (
		<Text wrap="truncate-end">
			{'  '}
			<Text {...(running ? theme.accent : theme.mark(line.mark))}>{running ? spinner : symbolOf(line.mark)}</Text> {safeLine(line.label)}
			<Text {...theme.muted}>{detail}</Text>
		</Text>
	);
}
