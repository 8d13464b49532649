import {Box} from 'ink';
import {safeText} from './safe-text.js';
import {Prose} from './prose.js';
import {useTheme} from './theme.js';

/** The current step's help from the flow file, and the keys. */
export function HelpPanel({help}: {readonly help?: string}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" marginTop={1} paddingLeft={2}>
			{help ? <Prose>{safeText(help)}</Prose> : null}
			<Prose {...theme.muted}>
				Keys: ↑/↓ and Enter or 1–9 choose · b or Backspace (in an empty field) goes back · r starts over · e exports the transcript · ? shows or hides
				this help · q or Ctrl-C quits (Ctrl-C also cancels requests in flight).
			</Prose>
		</Box>
	);
}
