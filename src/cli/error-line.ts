import {neutralizeTerminal} from '../text/neutralize-terminal.js';

/** Long enough for a path and a reason; a message quoting a megabyte of input is cut. */
const maxLength = 600;

/**
One line of stderr from a message that may quote untrusted input (a URL, a file's first line, a header): escape
sequences neutralised, line breaks folded into spaces, and the length bounded — so that the user sees exactly
one readable `fix403: …` line whatever the input held.
*/
export function errorLine(message: string): string {
	const line = neutralizeTerminal(message).replaceAll(/\s*[\n\t]\s*/g, ' ').trim();
	return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
