import {NginxConfigError} from './config-error.js';

/** A word (directive name or argument) or one of the three punctuation marks that shape a config. */
export type Token =
	| {readonly kind: 'word'; readonly value: string; readonly quoted: boolean; readonly line: number}
	| {readonly kind: ';' | '{' | '}'; readonly line: number};

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

/**
Splits nginx configuration text into tokens exactly as `ngx_conf_read_token` (src/core/ngx_conf_file.c) does:
`#` starts a comment only where a token could start, `"…"`/`'…'` quote, a backslash protects the next
character, `${` inside a word does not open a block, a closing quote must be followed by a space, `;`, `{`
or `)`. Escapes are then decoded as nginx does: `\"`, `\'`, `\\`, `\t`, `\r`, `\n`; any other backslash
stays (so regexes like `\.php$` arrive intact).
*/
export function tokenizeNginx(text: string, file: string): Token[] {
	const tokens: Token[] = [];
	let line = 1;
	let wordLine = 1;
	let start = 0;
	let lastSpace = true;
	let needSpace = false;
	let comment = false;
	let escaped = false;
	let singleQuoted = false;
	let doubleQuoted = false;
	let variable = false;
	let wordQuoted = false;
	let wordsInStatement = 0;

	const fail = (reason: string): never => {
		throw new NginxConfigError('ERR_NGINX_SYNTAX', reason, {file, line});
	};

	const punctuation = (kind: ';' | '{' | '}') => {
		tokens.push({kind, line});
		wordsInStatement = 0;
	};

	for (let index = 0; index < text.length; index++) {
		const ch = text[index]!;
		if (ch === '\n') {
			line++;
			comment = false;
		}

		if (comment) {
			continue;
		}

		if (escaped) {
			escaped = false;
			continue;
		}

		if (needSpace) {
			if (isSpace(ch)) {
				lastSpace = true;
				needSpace = false;
				continue;
			}

			if (ch === ';' || ch === '{') {
				needSpace = false;
				lastSpace = true;
				punctuation(ch);
				continue;
			}

			if (ch !== ')') {
				fail(`unexpected "${ch}"`);
			}

			// `if ($x = "")`: nginx lets a ")" follow a quote and starts a new word with it.
			lastSpace = true;
			needSpace = false;
		}

		if (lastSpace) {
			if (isSpace(ch)) {
				continue;
			}

			start = index;
			wordLine = line;
			wordQuoted = false;
			switch (ch) {
				case ';':
				case '{': {
					if (wordsInStatement === 0) {
						fail(`unexpected "${ch}"`);
					}

					punctuation(ch);
					continue;
				}

				case '}': {
					if (wordsInStatement > 0) {
						fail('unexpected "}"');
					}

					punctuation('}');
					continue;
				}

				case '#': {
					comment = true;
					continue;
				}

				case '\\': {
					escaped = true;
					lastSpace = false;
					continue;
				}

				case '"':
				case '\'': {
					start = index + 1;
					wordQuoted = true;
					doubleQuoted = ch === '"';
					singleQuoted = ch === '\'';
					lastSpace = false;
					continue;
				}

				case '$': {
					variable = true;
					lastSpace = false;
					continue;
				}

				default: {
					lastSpace = false;
					continue;
				}
			}
		}

		if (ch === '{' && variable) {
			continue;
		}

		variable = false;
		if (ch === '\\') {
			escaped = true;
			continue;
		}

		if (ch === '$') {
			variable = true;
			continue;
		}

		let found = false;
		if (doubleQuoted) {
			if (ch === '"') {
				doubleQuoted = false;
				needSpace = true;
				found = true;
			}
		} else if (singleQuoted) {
			if (ch === '\'') {
				singleQuoted = false;
				needSpace = true;
				found = true;
			}
		} else if (isSpace(ch) || ch === ';' || ch === '{') {
			lastSpace = true;
			found = true;
		}

		if (!found) {
			continue;
		}

		tokens.push({kind: 'word', value: unescapeWord(text.slice(start, index)), quoted: wordQuoted, line: wordLine});
		wordsInStatement++;
		if (ch === ';' || ch === '{') {
			punctuation(ch);
		}
	}

	if (wordsInStatement > 0 || !lastSpace) {
		fail('unexpected end of file, expecting ";" or "}"');
	}

	return tokens;
}

/** nginx's copy loop: only these escapes are decoded; every other backslash is kept. */
function unescapeWord(raw: string): string {
	let result = '';
	for (let index = 0; index < raw.length; index++) {
		const ch = raw[index]!;
		if (ch === '\\') {
			const next = raw[index + 1];
			if (next === '"' || next === '\'' || next === '\\') {
				result += next;
				index++;
				continue;
			}

			const control = next === 't' ? '\t' : next === 'r' ? '\r' : next === 'n' ? '\n' : undefined;
			if (control !== undefined) {
				result += control;
				index++;
				continue;
			}
		}

		result += ch;
	}

	return result;
}
