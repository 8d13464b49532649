import {Box, Text, useStdout} from 'ink';
import type {ReportProbe} from '../../report/types.js';
import {safeLine} from './safe-text.js';
import {useTheme} from './theme.js';
import {wrapCommand} from './wrap-command.js';

/** Probes shown at most; the export has them all. */
const shown = 3;

/**
The curl commands that show the cause — the request as sent and the variation that changed the answer —
or, when the cause names none, the request as sent; wrapped to copy and paste.
*/
export function ReproduceView({probes, show}: {readonly probes: readonly ReportProbe[]; readonly show?: readonly string[]}) {
	const theme = useTheme();
	const {stdout} = useStdout();
	const width = Math.max(40, (stdout.columns || 80) - 2);
	// Without a pair that shows the cause, the request as sent is what reproduces it.
	const failing = probes.filter(probe => (show && show.length > 0 ? show.includes(probe.id) : probe.id === 'original' && probe.status >= 400));
	if (failing.length === 0) {
		return null;
	}

	const blocks = failing.slice(0, shown).map(probe => ({probe, lines: wrapCommand(safeLine(probe.curl), width)}));
	const shortened = blocks.some(block => block.lines.some(line => line.length > width));
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text {...theme.heading}>Reproduce</Text>
			{blocks.map(({probe, lines}) => (
				<Box key={probe.id} flexDirection="column" paddingLeft={2}>
					<Text {...theme.muted} wrap="truncate-end">
						# {safeLine(probe.label)} → {probe.status}
					</Text>
					{lines.map((line, index) => (
						<Text key={`${probe.id}:${index}`} wrap="truncate-middle">
							{line}
						</Text>
					))}
				</Box>
			))}
			{failing.length > shown || shortened ? (
				<Text {...theme.muted}>
					{'  '}
					{failing.length > shown ? `${failing.length - shown} more in the export. ` : ''}
					{shortened ? 'Long words are shortened here; ' : ''}
					e exports the full commands.
				</Text>
			) : null}
		</Box>
	);
}
