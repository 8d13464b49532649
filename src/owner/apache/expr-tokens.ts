import type {ExprLookup} from './expr.js';

/** One lexical unit of an ap_expr; words carry their value (undefined when it reads something unknown). */
export type Token = {readonly kind: 'word' | 'op' | 'regex' | 'call'; readonly text: string; readonly value?: string | undefined; readonly flags?: string};

const operators = ['||', '&&', '==', '!=', '<=', '>=', '=~', '!~', '<', '>', '!', '(', ')', '{', '}', ',', '.', '='];

/** Splits an expression into tokens, resolving variables, quoted strings and function names as it goes. */
export function tokenizeExpression(text: string, lookup: ExprLookup, reads: Set<string>): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	const variable = (name: string) => {
		reads.add(name.toUpperCase());
		const header = /^HTTP:(.+)$/i.exec(name)?.[1];
		return header ? lookup.header(header) : lookup.variable(name.toUpperCase());
	};

	while (index < text.length) {
		const rest = text.slice(index);
		const space = /^\s+/.exec(rest);
		if (space) {
			index += space[0].length;
			continue;
		}

		const previous = tokens.at(-1)?.text;
		if (previous === '=~' || previous === '!~') {
			const regex = /^(?:\/((?:\\.|[^/])*)\/|m([#|!%])((?:\\.|(?!\2).)*)\2)(i?)/.exec(rest);
			if (!regex) {
				throw new Error('expected a regular expression');
			}

			tokens.push({kind: 'regex', text: regex[1] ?? regex[3] ?? '', flags: regex[4]});
			index += regex[0].length;
			continue;
		}

		const quoted = /^(["'])((?:\\.|(?!\1).)*)\1/.exec(rest);
		if (quoted) {
			let value: string | undefined = quoted[2]?.replaceAll(/\\(.)/g, '$1') ?? '';
			value = value.replaceAll(/%\{([^}]+)\}/g, (_whole, name: string) => {
				const found = variable(name);
				if (found === undefined) {
					value = undefined;
				}

				return found ?? '';
			});
			tokens.push({kind: 'word', text: quoted[0], value});
			index += quoted[0].length;
			continue;
		}

		const variableMatch = /^%\{([^}]+)\}/.exec(rest);
		if (variableMatch?.[1]) {
			tokens.push({kind: 'word', text: variableMatch[0], value: variable(variableMatch[1])});
			index += variableMatch[0].length;
			continue;
		}

		const call = /^([a-z]\w*)\(/i.exec(rest);
		if (call?.[1]) {
			tokens.push({kind: 'call', text: call[1].toLowerCase()});
			index += call[0].length;
			continue;
		}

		const dashed = /^-[a-zA-Z]+\b/.exec(rest);
		if (dashed) {
			tokens.push({kind: 'op', text: dashed[0]});
			index += dashed[0].length;
			continue;
		}

		const operator = operators.find(candidate => rest.startsWith(candidate));
		if (operator) {
			tokens.push({kind: 'op', text: operator});
			index += operator.length;
			continue;
		}

		const bare = /^[\w.:/-]+/.exec(rest);
		if (!bare) {
			throw new Error(`cannot read "${rest.slice(0, 20)}"`);
		}

		const isKeyword = bare[0] === 'in';
		tokens.push(isKeyword ? {kind: 'op', text: 'in'} : {kind: 'word', text: bare[0], value: bare[0]});
		index += bare[0].length;
	}

	return tokens;
}

/** The ap_expr functions that matter for access decisions; others are unknown. */
export function callFunction(name: string, argument: string, lookup: ExprLookup, reads: Set<string>): string | undefined {
	switch (name) {
		case 'req':
		case 'http': {
			reads.add(`HTTP_${argument.toUpperCase().replaceAll('-', '_')}`);
			return lookup.header(argument);
		}

		case 'tolower': {
			return argument.toLowerCase();
		}

		case 'toupper': {
			return argument.toUpperCase();
		}

		default: {
			return undefined;
		}
	}
}
