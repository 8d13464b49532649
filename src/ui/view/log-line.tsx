import {Box, Text} from 'ink';
import type {LogEntry} from '../state/conversation-log.js';
import {symbolOf} from './marks.js';
import {safeText} from './safe-text.js';
import {useTheme} from './theme.js';

/** One printed line of the conversation: a question, its answer, a check's result, a finding, the verdict. */
export function LogLine({entry}: {readonly entry: LogEntry}) {
	const theme = useTheme();
	const text = safeText(entry.text);
	switch (entry.kind) {
		case 'question': {
			return (
				<Box marginTop={1}>
					<Text {...theme.muted}>? {text}</Text>
				</Box>
			);
		}

		case 'answer': {
			return (
				<Text>
					<Text {...theme.accent}>› </Text>
					{text}
				</Text>
			);
		}

		case 'check': {
			return <Marked entry={entry} text={text} indent={0} />;
		}

		case 'finding': {
			return <Marked entry={entry} text={text} indent={4} />;
		}

		case 'conclusion': {
			return (
				<Box marginTop={1}>
					<Text {...theme.heading}>■ {text}</Text>
				</Box>
			);
		}

		case 'note': {
			return (
				<Box marginTop={1}>
					<Text {...theme.muted}>{text}</Text>
				</Box>
			);
		}
	}
}

/** A check's or a finding's line: its mark, then the text with wrapped lines hanging under the text. */
function Marked({entry, text, indent}: {readonly entry: LogEntry; readonly text: string; readonly indent: number}) {
	const theme = useTheme();
	return (
		<Box paddingLeft={indent}>
			<Box width={2} flexShrink={0}>
				<Text {...theme.mark(entry.mark)}>{symbolOf(entry.mark)}</Text>
			</Box>
			<Text>{text}</Text>
		</Box>
	);
}
