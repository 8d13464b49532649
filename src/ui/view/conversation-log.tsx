import {Static} from 'ink';
import type {LogEntry} from '../state/conversation-log.js';
import {LogLine} from './log-line.js';

// Static's box is absolutely positioned: without a width its text wraps wider than the terminal.
const fullWidth = {width: '100%'} as const;

/** The finished part of the conversation, printed once above the live step and never redrawn. */
export function ConversationLog({entries}: {readonly entries: readonly LogEntry[]}) {
	return (
		<Static items={[...entries]} style={fullWidth}>
			{entry => <LogLine key={entry.id} entry={entry} />}
		</Static>
	);
}
