import {Box} from 'ink';
import {Prose} from './prose.js';
import {useTheme} from './theme.js';

export type HintScope = 'choice' | 'confirm' | 'text' | 'paste' | 'checking' | 'verdict' | 'dialog';

const hints: Record<HintScope, string> = {
	choice: '↑/↓ Enter or 1–9 · b back · r restart · e export · ? help · q quit',
	confirm: 'y/n, Enter for the default · b back · r restart · e export · ? help · q quit',
	text: 'Enter to answer · Backspace on empty goes back · ? help · Ctrl-C quits',
	paste: 'Backspace on empty goes back · ? help · Ctrl-C quits',
	checking: 'q or Ctrl-C stops the checks and quits · ? help',
	verdict: '↑/↓ Enter · b back · r restart · e export · ? help · q quit',
	dialog: 'Esc closes · Ctrl-C quits',
};

/** One muted line with the keys that work right now; the mode when it is the support agent's. */
export function KeyHints({scope, agent}: {readonly scope: HintScope; readonly agent: boolean}) {
	const theme = useTheme();
	return (
		<Box marginTop={1}>
			<Prose {...theme.muted}>
				{agent ? '[support-agent mode] ' : ''}
				{hints[scope]}
			</Prose>
		</Box>
	);
}
