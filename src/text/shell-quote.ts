import type {ShellFlavour} from './shell-words.js';

/**
Quotes a value so the shell passes it to the program unchanged: POSIX single quotes, or `$'…'` when it holds
control characters, `'` or `!`; for cmd.exe, double quotes with `^` escapes as Chrome's "Copy as cURL (cmd)"
(which cannot carry CR LF inside an argument: it is written as LF).
*/
export function quoteShellWord(value: string, flavour: ShellFlavour): string {
	if (flavour === 'cmd') {
		const quote = /[\r\n]/.test(value) ? '^"' : '"';
		const escaped = value
			.replaceAll('\\', '\\\\')
			.replaceAll('"', '\\"')
			.replace(/[^\w\s\-:=+~'/.,?;()*`&]/g, '^$&')
			.replace(/%(?=\w)/g, '%^')
			.replace(/\r?\n/g, '^\n\n');
		return quote + escaped + quote;
	}

	if (!/[\u0000-\u001F\u007F-\u009F'!]/.test(value)) {
		return `'${value}'`;
	}

	const escaped = value
		.replaceAll('\\', '\\\\')
		.replaceAll('\'', '\\\'')
		.replaceAll('\n', '\\n')
		.replaceAll('\r', '\\r')
		.replace(/[\u0000-\u001F\u007F-\u009F!]/g, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return `$'${escaped}'`;
}
