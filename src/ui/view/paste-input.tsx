import {Box, Text} from 'ink';
import {useLatestReducer} from '../input/use-latest-reducer.js';
import {usePasteInput} from '../input/use-paste-input.js';
import {initialPaste, pasteReducer} from '../state/paste-state.js';
import {safeLine} from './safe-text.js';
import {useTheme} from './theme.js';

export type PasteInputProps = {
	readonly onSubmit: (text: string) => void;
	readonly onBack?: () => void;
	readonly onHelp?: () => void;
	readonly isActive?: boolean;
};

/** How many of the last pasted lines stay in view; the rest is counted. */
const visibleLines = 6;

/** A multi-line field for pasted headers or `curl -v` output. */
export function PasteInput({onSubmit, onBack, onHelp, isActive = true}: PasteInputProps) {
	const theme = useTheme();
	const [state, dispatch] = useLatestReducer(pasteReducer, initialPaste);
	usePasteInput({dispatch, onSubmit, onBack, onHelp, isActive});
	const lines = state.text === '' ? [] : state.text.split('\n');
	const hidden = Math.max(0, lines.length - visibleLines);
	return (
		<Box flexDirection="column">
			{hidden > 0 ? <Text {...theme.muted}>  … {hidden} more line{hidden === 1 ? '' : 's'} above</Text> : null}
			{lines.slice(hidden).map((line, index) => (
				<Text key={hidden + index} wrap="truncate-end">
					<Text {...theme.accent}>│ </Text>
					{safeLine(line)}
				</Text>
			))}
			<Text {...theme.muted}>
				{lines.length === 0 ? 'Paste here; ' : `${lines.length} line${lines.length === 1 ? '' : 's'}; `}
				Enter on an empty line or Ctrl-D to finish.
			</Text>
		</Box>
	);
}
