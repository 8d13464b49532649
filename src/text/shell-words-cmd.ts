import type {ShellWord} from './shell-words.js';

const blank = /[ \t\r\n]/;

/** cmd.exe removes `^` escapes first; the C runtime then splits what is left into arguments. */
export function splitCmd(text: string): ShellWord[] {
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
