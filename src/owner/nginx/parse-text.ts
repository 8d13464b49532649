import {NginxConfigError} from './config-error.js';
import {tokenizeNginx} from './tokenize.js';
import type {Directive} from './types.js';

type OpenBlock = {name: string; args: string[]; line: number; children: Directive[]};

/**
Parses one file's text into its directive tree; `include` directives stay as they are (see
`assembleNginxConfig`). Blocks must close in the file that opened them, as nginx requires.
*/
export function parseNginxText(text: string, file: string): Directive[] {
	const tokens = tokenizeNginx(text, file);
	const top: Directive[] = [];
	const stack: OpenBlock[] = [];
	let words: Array<{value: string; line: number}> = [];
	const children = () => stack.at(-1)?.children ?? top;

	for (const token of tokens) {
		if (token.kind === 'word') {
			words.push({value: token.value, line: token.line});
			continue;
		}

		if (token.kind === '}') {
			const closed = stack.pop();
			if (closed === undefined) {
				throw new NginxConfigError('ERR_NGINX_SYNTAX', 'unexpected "}"', {file, line: token.line});
			}

			children().push({name: closed.name, args: closed.args, file, line: closed.line, block: closed.children});
			continue;
		}

		// The tokenizer guarantees at least one word before ";" or "{".
		const [name, ...args] = words;
		words = [];
		if (name === undefined) {
			continue;
		}

		const values = args.map(word => word.value);
		if (token.kind === ';') {
			children().push({name: name.value, args: values, file, line: name.line});
		} else {
			stack.push({name: name.value, args: values, line: name.line, children: []});
		}
	}

	if (stack.length > 0) {
		const lastLine = text.split('\n').length;
		throw new NginxConfigError('ERR_NGINX_SYNTAX', 'unexpected end of file, expecting "}"', {file, line: lastLine});
	}

	return top;
}
