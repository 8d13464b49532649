/** A directive line after joining continuations: its text (trimmed) and the physical line it starts on. */
export type LogicalLine = {readonly text: string; readonly line: number; readonly lastLine: number};

/**
Splits config text into logical lines the way httpd's `ap_cfg_getline` does: a backslash right before the
newline joins the next physical line (backslash and newline removed, nothing inserted), each line is then
trimmed, and blank lines and lines starting with `#` are dropped. httpd has no trailing comments.
*/
export function logicalLines(text: string): LogicalLine[] {
	const physical = text.split('\n');
	const lines: LogicalLine[] = [];
	let pending = '';
	let start = 0;
	for (const [index, raw] of physical.entries()) {
		const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
		if (pending === '') {
			start = index + 1;
		}

		const isLast = index === physical.length - 1;
		if (body.endsWith('\\') && !isLast) {
			pending += body.slice(0, -1);
			continue;
		}

		const joined = (pending + body).trim();
		pending = '';
		if (joined !== '' && !joined.startsWith('#')) {
			lines.push({text: joined, line: start, lastLine: index + 1});
		}
	}

	return lines;
}

/**
Splits arguments into words like httpd's `ap_getword_conf`: a word is either quoted with `"` or `'` (ending at
the matching quote; `\"` and `\\` inside are escapes; an unterminated quote runs to the end) or runs to the
next white space (`\\` becomes `\`).
*/
export function splitWords(text: string): string[] {
	const words: string[] = [];
	let index = 0;
	const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);
	while (index < text.length) {
		while (isSpace(text[index])) {
			index++;
		}

		if (index >= text.length) {
			break;
		}

		const quote = text[index];
		let word = '';
		if (quote === '"' || quote === '\'') {
			index++;
			while (index < text.length && text[index] !== quote) {
				const next = text[index + 1];
				if (text[index] === '\\' && (next === quote || next === '\\')) {
					word += next;
					index += 2;
				} else {
					word += text[index];
					index++;
				}
			}

			index++;
		} else {
			while (index < text.length && !isSpace(text[index])) {
				if (text[index] === '\\' && text[index + 1] === '\\') {
					index++;
				}

				word += text[index];
				index++;
			}
		}

		words.push(word);
	}

	return words;
}

/** `<If "expr">` and `Require expr "expr"` take their text without one pair of surrounding double quotes. */
export function unquoteExpression(raw: string): string {
	const trimmed = raw.trim();
	return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}
