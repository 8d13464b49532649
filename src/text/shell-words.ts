/*
Splits a pasted shell command (a "Copy as cURL" command) into words the way the shell would pass them to curl,
keeping where each word sits in the text so a caller can rewrite one word (redaction) and leave the rest as it
was. Two flavours: POSIX shells (bash, zsh: quotes, `$'…'`, backslash and `\`-newline continuations) and
Windows cmd.exe + the C runtime's argument parser (`^` escapes and `^`-newline continuations, then `"`
quoting with backslash rules) — what Chrome's "Copy as cURL (cmd)" produces. Nothing is expanded or executed:
`$VAR`, `$(…)` and backticks stay literal text.
*/

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

/** cmd.exe removes `^` escapes first; the C runtime then splits what is left into arguments. */
function splitCmd(text: string): ShellWord[] {
	const chars: string[] = [];
	// Where each surviving character was written: from its `^` (if escaped) to just after it.
	const starts: number[] = [];
	const ends: number[] = [];
	let quoted = false; // Whether the C runtime will be inside quotes here: `^\n\n` is a newline only inside.
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (character === '^') {
			const newline = /^\r?\n/.exec(text.slice(index + 1, index + 3));
			if (newline) {
				index += newline[0].length;
				const second = /^\r?\n/.exec(text.slice(index + 1, index + 3));
				if (quoted && second) {
					chars.push('\n');
					starts.push(index);
					index += second[0].length;
					ends.push(index + 1);
				}

				continue;
			}

			if (index + 1 < text.length) {
				if (text[index + 1] === '"' && countBackslashesBefore(chars) % 2 === 0) {
					quoted = !quoted;
				}

				starts.push(index);
				index++;
				chars.push(text[index]!);
				ends.push(index + 1);
			}

			continue;
		}

		if (character === '"' && countBackslashesBefore(chars) % 2 === 0) {
			quoted = !quoted;
		}

		chars.push(character);
		starts.push(index);
		ends.push(index + 1);
	}

	return splitCrt(chars, starts, ends);
}

function countBackslashesBefore(chars: readonly string[]): number {
	let count = 0;
	while (chars[chars.length - 1 - count] === '\\') {
		count++;
	}

	return count;
}

/**
Splits what cmd.exe leaves into arguments. Chrome writes every `\` as `\\` and every `"` as `\"`, so those two
pairs decode to one character (the inverse of what Chrome wrote, which is what the browser sent); any other
backslash is literal and a lone `"` toggles quoting.
*/
function splitCrt(chars: readonly string[], starts: readonly number[], ends: readonly number[]): ShellWord[] {
	const words: ShellWord[] = [];
	let index = 0;
	while (index < chars.length) {
		if (blank.test(chars[index]!)) {
			index++;
			continue;
		}

		const start = starts[index]!;
		if (chars[index] === '&' || chars[index] === '|') {
			const first = index;
			while (chars[index] === '&' || chars[index] === '|') {
				index++;
			}

			words.push({value: chars.slice(first, index).join(''), start, end: ends[index - 1]!, operator: true});
			continue;
		}

		let value = '';
		let quoted = false;
		while (index < chars.length && (quoted || (!blank.test(chars[index]!) && chars[index] !== '&' && chars[index] !== '|'))) {
			const current = chars[index]!;
			if (current === '\\' && (chars[index + 1] === '\\' || chars[index + 1] === '"')) {
				value += chars[index + 1];
				index += 2;
			} else if (current === '"') {
				quoted = !quoted;
				index++;
			} else {
				value += current;
				index++;
			}
		}

		words.push({value, start, end: ends[index - 1]!, operator: false});
	}

	return words;
}

/**
Quotes a value so the shell passes it to the program unchanged: POSIX single quotes, or `$'…'` when it holds
control characters, `'` or `!`; for cmd.exe, double quotes with `^` escapes as Chrome's "Copy as cURL (cmd)".
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
