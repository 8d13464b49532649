import {ipMatches} from './ip-match.js';
import {fnmatch} from './glob.js';

/** Looks up an ap_expr variable (`HTTP_REFERER`, `REMOTE_ADDR`…) or request header; undefined = unknown here. */
export type ExprLookup = {
	variable(name: string): string | undefined;
	header(name: string): string | undefined;
};

/** A value of three-valued logic: undefined means "cannot tell from outside the server". */
export type ExprResult = {
	readonly value: boolean | undefined;
	/** Upper-case names of the variables and headers the expression reads (for naming the cause). */
	readonly reads: ReadonlySet<string>;
	readonly error?: string;
};

type Token = {readonly kind: 'word' | 'op' | 'regex' | 'call'; readonly text: string; readonly value?: string | undefined; readonly flags?: string};

/**
Evaluates the subset of httpd's ap_expr (`<If>`, `Require expr`) that decides access in practice: strings,
`%{VAR}`, `req()`/`http()`/`tolower()`/`toupper()`, `== != < <= > >=`, `=~ !~` with `/re/i` or `m#re#`,
`-ipmatch`, `-strmatch`, `-strcmatch`, `-R`, `-n`, `-z`, `in {…}`, `! && || ( )`, `true`/`false`.
Anything else makes the result unknown rather than guessed.
*/
export function evaluateExpression(text: string, lookup: ExprLookup): ExprResult {
	const reads = new Set<string>();
	let tokens: Token[];
	try {
		tokens = tokenize(text, lookup, reads);
	} catch (error) {
		return {value: undefined, reads, error: (error as Error).message};
	}

	let position = 0;
	const peek = () => tokens[position];
	const take = () => tokens[position++];
	const fail = (message: string): never => {
		throw new Error(message);
	};

	const and3 = (a: boolean | undefined, b: boolean | undefined) => a === false || b === false ? false : (a === true && b === true ? true : undefined);
	const or3 = (a: boolean | undefined, b: boolean | undefined) => a === true || b === true ? true : (a === false && b === false ? false : undefined);

	const parseOr = (): boolean | undefined => {
		let value = parseAnd();
		while (peek()?.text === '||') {
			take();
			value = or3(value, parseAnd());
		}

		return value;
	};

	const parseAnd = (): boolean | undefined => {
		let value = parseUnary();
		while (peek()?.text === '&&') {
			take();
			value = and3(value, parseUnary());
		}

		return value;
	};

	const parseWord = (): string | undefined => {
		const token = take();
		let value: string | undefined;
		if (token?.kind === 'call') {
			const argument = parseWord();
			if (take()?.text !== ')') {
				fail('missing ) after function argument');
			}

			value = argument === undefined ? undefined : callFunction(token.text, argument, lookup, reads);
		} else if (token?.kind === 'word') {
			({value} = token);
		} else {
			return fail(`expected a value, saw ${token?.text ?? 'the end'}`);
		}

		while (peek()?.text === '.') {
			take();
			const next = parseWord();
			value = value === undefined || next === undefined ? undefined : value + next;
		}

		return value;
	};

	const parseUnary = (): boolean | undefined => {
		const token = peek();
		if (token?.text === '!') {
			take();
			const value = parseUnary();
			return value === undefined ? undefined : !value;
		}

		if (token?.text === '(') {
			take();
			const value = parseOr();
			if (take()?.text !== ')') {
				fail('missing )');
			}

			return value;
		}

		if (token?.kind === 'word' && (token.text === 'true' || token.text === 'false')) {
			take();
			return token.text === 'true';
		}

		if (token?.kind === 'op' && /^-[nzTR]$/.test(token.text)) {
			take();
			const operand = parseWord();
			if (operand === undefined) {
				return undefined;
			}

			if (token.text === '-R') {
				reads.add('REMOTE_ADDR');
				const remote = lookup.variable('REMOTE_ADDR');
				return remote === undefined ? undefined : ipMatches(operand, remote);
			}

			return token.text === '-n' ? operand !== '' : (token.text === '-z' ? operand === '' : !/^(|0|off|false|no)$/i.test(operand));
		}

		return parseComparison();
	};

	const parseComparison = (): boolean | undefined => {
		const left = parseWord();
		const operator = take();
		if (operator?.kind !== 'op') {
			return fail(`expected an operator after a value, saw ${operator?.text ?? 'the end'}`);
		}

		if (operator.text === '=~' || operator.text === '!~') {
			const regex = take();
			if (regex?.kind !== 'regex') {
				return fail('expected a regular expression');
			}

			if (left === undefined) {
				return undefined;
			}

			const matched = new RegExp(regex.text, regex.flags).test(left);
			return operator.text === '=~' ? matched : !matched;
		}

		if (operator.text === 'in') {
			if (take()?.text !== '{') {
				fail('expected {');
			}

			const options: Array<string | undefined> = [];
			while (peek() && peek()?.text !== '}') {
				options.push(parseWord());
				if (peek()?.text === ',') {
					take();
				}
			}

			take();
			return left === undefined || options.includes(undefined) ? (options.includes(left) ? true : undefined) : options.includes(left);
		}

		const right = parseWord();
		if (left === undefined || right === undefined) {
			return undefined;
		}

		return compare(operator.text, left, right);
	};

	try {
		const value = parseOr();
		if (position < tokens.length) {
			fail(`unexpected ${tokens[position]?.text ?? ''}`);
		}

		return {value, reads};
	} catch (error) {
		return {value: undefined, reads, error: (error as Error).message};
	}
}

function compare(operator: string, left: string, right: string): boolean | undefined {
	const numeric = (test: (a: number, b: number) => boolean) => test(Number(left), Number(right));
	switch (operator) {
		case '==': case '=': { return left === right; }
		case '!=': { return left !== right; }
		case '<': { return left < right; }
		case '<=': { return left <= right; }
		case '>': { return left > right; }
		case '>=': { return left >= right; }
		case '-eq': { return numeric((a, b) => a === b); }
		case '-ne': { return numeric((a, b) => a !== b); }
		case '-lt': { return numeric((a, b) => a < b); }
		case '-le': { return numeric((a, b) => a <= b); }
		case '-gt': { return numeric((a, b) => a > b); }
		case '-ge': { return numeric((a, b) => a >= b); }
		case '-ipmatch': { return ipMatches(right, left); }
		case '-strmatch': { return fnmatch(right, left); }
		case '-strcmatch': { return fnmatch(right, left, {caseless: true}); }
		case '-fnmatch': { return fnmatch(right, left, {pathname: true}); }
		default: { return undefined; }
	}
}

const operators = ['||', '&&', '==', '!=', '<=', '>=', '=~', '!~', '<', '>', '!', '(', ')', '{', '}', ',', '.', '='];

function tokenize(text: string, lookup: ExprLookup, reads: Set<string>): Token[] {
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

function callFunction(name: string, argument: string, lookup: ExprLookup, reads: Set<string>): string | undefined {
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
