import {neutralizeTerminal} from '../../text/neutralize-terminal.js';

/**
Plain text for a Markdown line: terminal-neutralised, every character that could start inline markup escaped
(links, images, emphasis, code, HTML, tables), and block markers at a line start escaped, so server text shows as
text in a ticket. Newlines become spaces: each piece is one line of the document.
*/
export function markdownText(text: string): string {
	return neutralizeTerminal(text)
		.replaceAll(/[\n\t]+/g, ' ')
		.replaceAll(/[\\`*_[\]<>!|~&{}#]/g, '\\$&')
		.replace(/^(\s*)([-+=]|\d+(?=[.)]))/, '$1\\$2');
}

/** A fenced block whose fence is longer than any backtick run inside, so the content cannot close it. */
export function fenced(content: string, language = ''): string {
	const safe = neutralizeTerminal(content).replace(/\n+$/, '');
	const longest = Math.max(0, ...[...safe.matchAll(/`+/g)].map(run => run[0].length));
	const fence = '`'.repeat(Math.max(3, longest + 1));
	return `${fence}${language}\n${safe}\n${fence}`;
}

/** An inline code span that backticks inside cannot end early (CommonMark §6.1). */
export function inlineCode(text: string): string {
	const safe = neutralizeTerminal(text).replaceAll(/[\n\t]+/g, ' ');
	const longest = Math.max(0, ...[...safe.matchAll(/`+/g)].map(run => run[0].length));
	const ticks = '`'.repeat(longest + 1);
	const pad = safe.startsWith('`') || safe.endsWith('`') || safe.startsWith(' ') ? ' ' : '';
	return `${ticks}${pad}${safe}${pad}${ticks}`;
}
