import {Box, Text} from 'ink';
import type {LogEntry} from '../state/conversation-log.js';
import {symbolOf} from './marks.js';
import {safeText} from './safe-text.js';
import {Prose} from './prose.js';
import {useTheme} from './theme.js';

/** One printed line of the conversation: a question, its answer, a check's result, a finding, the verdict. */
export function LogLine({entry}: {readonly entry: LogEntry}) {
	const theme = useTheme();
	const text = safeText(entry.text);
	switch (entry.kind) {
		case 'question': {
			return (
				<Box marginTop={1}>
					<Prose {...theme.muted}>? {text}</Prose>
				</Box>
			);
		}

		case 'answer': {
			return (
				<Prose>
					<Text {...theme.accent}>› </Text>
					{text}
				</Prose>
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
					<Prose {...theme.heading}>■ {text}</Prose>
				</Box>
			);
		}

		case 'note': {
			return (
				<Box marginTop={1}>
					<Prose {...theme.muted}>{text}</Prose>
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
			<Prose>{text}</Prose>
		</Box>
	);
}
