import {splitShellWords} from '../../text/shell-words.js';

/**
Breaks a shell command into lines of at most `width` columns between its words, with `\` continuations, so
that a copied command still runs. A word longer than a line (a long URL) gets a line of its own, which the
view shortens in the middle: breaking it would put a line break inside the word when it is copied.
*/
export function wrapCommand(command: string, width: number, indent = '    '): string[] {
	const words = pairOptions(splitShellWords(command, 'posix').map(word => command.slice(word.start, word.end)));
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const prefix = lines.length === 0 ? '' : indent;
		const candidate = line === '' ? `${prefix}${word}` : `${line} ${word}`;
		// Room for the ` \` that ends every line but the last.
		if (line !== '' && candidate.length + 2 > width) {
			lines.push(`${line} \\`);
			line = `${indent}${word}`;
		} else {
			line = candidate;
		}
	}

	if (line !== '') {
		lines.push(line);
	}

	return lines;
}

/** Keeps an option with its value (`-H 'Accept:'`), so no line ends between them. */
function pairOptions(words: readonly string[]): string[] {
	const units: string[] = [];
	for (let index = 0; index < words.length; index++) {
		const word = words[index]!;
		const next = words[index + 1];
		if (word.startsWith('-') && next !== undefined && !next.startsWith('-')) {
			units.push(`${word} ${next}`);
			index++;
		} else {
			units.push(word);
		}
	}

	return units;
}
