import {neutralizeTerminal} from '../../text/neutralize-terminal.js';

/**
Text that came from a server, a file or the flow, made safe to lay out: no escape sequences or controls (see
neutralizeTerminal), and tabs as spaces so Ink measures the width it prints.
*/
export function safeText(text: string): string {
	return neutralizeTerminal(text).replaceAll('\t', '  ');
}

/** The same, on one line: line breaks become spaces. */
export function safeLine(text: string): string {
	return safeText(text).replace(/\s*\n\s*/g, ' ');
}
