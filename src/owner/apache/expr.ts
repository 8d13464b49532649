import {compareValues} from './expr-compare.js';
import type {Token} from './expr-tokens.js';
import {callFunction, tokenizeExpression} from './expr-tokens.js';
import {ipMatches} from './ip-match.js';

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
		tokens = tokenizeExpression(text, lookup, reads);
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

		return compareValues(operator.text, left, right);
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
