/*
Splits a pasted shell command (a "Copy as cURL" command) into words the way the shell would pass them to curl,
keeping where each word sits in the text so a caller can rewrite one word (redaction) and leave the rest as it
was. Two flavours: POSIX shells (bash, zsh: quotes, `$'…'`, backslash and `\`-newline continuations) and
Windows cmd.exe + the C runtime's argument parser (`^` escapes and `^`-newline continuations, then `"`
quoting with backslash rules) — what Chrome's "Copy as cURL (cmd)" produces. Nothing is expanded or executed:
`$VAR`, `$(…)` and backticks stay literal text.
*/

import {splitCmd} from './shell-words-cmd.js';

export type ShellFlavour = 'posix' | 'cmd';

/** One word, or one unquoted control operator (`;`, `|`, `&&`, `>`…) that ends the command. */
export type ShellWord = {
	readonly value: string;
	/** Offsets into the original text: `text.slice(start, end)` is the word as written. */
	readonly start: number;
	readonly end: number;
	readonly operator: boolean;
};

/** cmd.exe when the text uses its escapes (`^"`, a `^` line continuation) and no POSIX continuation. */
export function detectShellFlavour(text: string): ShellFlavour {
	const cmdSigns = /\^"|\^\r?\n/.test(text);
	const posixSigns = /\\\r?\n|(?:^|\s)'|\$'/.test(text);
	return cmdSigns && !posixSigns ? 'cmd' : 'posix';
}

export function splitShellWords(text: string, flavour: ShellFlavour = detectShellFlavour(text)): ShellWord[] {
	return flavour === 'cmd' ? splitCmd(text) : splitPosix(text);
}

export {quoteShellWord} from './shell-quote.js';

const operatorCharacters = new Set([';', '|', '&', '<', '>']);
const blank = /[ \t\r\n]/;

function splitPosix(text: string): ShellWord[] {
	const words: ShellWord[] = [];
	let index = 0;
	while (index < text.length) {
		const character = text[index]!;
		if (blank.test(character) || (character === '\\' && /^\\\r?\n/.test(text.slice(index, index + 3)))) {
			index += character === '\\' ? (text[index + 1] === '\r' ? 3 : 2) : 1;
			continue;
		}

		const start = index;
		if (operatorCharacters.has(character)) {
			while (index < text.length && operatorCharacters.has(text[index]!)) {
				index++;
			}

			words.push({value: text.slice(start, index), start, end: index, operator: true});
			continue;
		}

		let value = '';
		while (index < text.length && !blank.test(text[index]!) && !operatorCharacters.has(text[index]!)) {
			const current = text[index]!;
			if (current === '\'') {
				const close = text.indexOf('\'', index + 1);
				const stop = close === -1 ? text.length : close;
				value += text.slice(index + 1, stop);
				index = stop + 1;
			} else if (current === '$' && text[index + 1] === '\'') {
				const decoded = decodeAnsiC(text, index + 2);
				value += decoded.value;
				index = decoded.end;
			} else if (current === '"') {
				index++;
				while (index < text.length && text[index] !== '"') {
					if (text[index] === '\\' && /["\\$`\n]/.test(text[index + 1] ?? '')) {
						value += text[index + 1] === '\n' ? '' : text[index + 1];
						index += 2;
					} else {
						value += text[index];
						index++;
					}
				}

				index++;
			} else if (current === '\\') {
				if (text[index + 1] === '\n' || (text[index + 1] === '\r' && text[index + 2] === '\n')) {
					index += text[index + 1] === '\r' ? 3 : 2;
				} else {
					value += text[index + 1] ?? '';
					index += 2;
				}
			} else {
				value += current;
				index++;
			}
		}

		index = Math.min(index, text.length);
		words.push({value, start, end: index, operator: false});
	}

	return words;
}

const ansiCEscapes: Record<string, string> = {
	a: '\u0007', b: '\b', e: '\u001B', E: '\u001B', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '\'': '\'', '"': '"', '?': '?',
};

/** Bash `$'…'` quoting, starting after the opening quote. */
function decodeAnsiC(text: string, from: number): {value: string; end: number} {
	let value = '';
	let index = from;
	while (index < text.length && text[index] !== '\'') {
		if (text[index] !== '\\') {
			value += text[index];
			index++;
			continue;
		}

		const kind = text[index + 1] ?? '';
		const hex = /^(?:x([\da-fA-F]{1,2})|u([\da-fA-F]{1,4})|U([\da-fA-F]{1,8})|([0-7]{1,3}))/.exec(text.slice(index + 1, index + 10));
		if (hex) {
			const code = Number.parseInt(hex[1] ?? hex[2] ?? hex[3] ?? '', 16) || Number.parseInt(hex[4] ?? '0', 8);
			value += code <= 0x10_FFFF ? String.fromCodePoint(code) : '\uFFFD';
			index += 1 + hex[0].length;
		} else {
			value += ansiCEscapes[kind] ?? `\\${kind}`;
			index += 2;
		}
	}

	return {value, end: index + 1};
}
