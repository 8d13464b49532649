import {nginxRegExp} from './nginx-regex.js';
import {interpolate, variablesIn, type VariableLookup} from './variables.js';

export type FileTest = '-f' | '!-f' | '-d' | '!-d' | '-e' | '!-e' | '-x' | '!-x';

/** The condition of an `if (…)`, as `ngx_http_rewrite_if_condition` reads it. */
export type Condition =
	| {readonly kind: 'truthy'; readonly variable: string}
	| {readonly kind: 'compare'; readonly variable: string; readonly op: '=' | '!='; readonly value: string}
	| {readonly kind: 'regex'; readonly variable: string; readonly op: '~' | '~*' | '!~' | '!~*'; readonly pattern: string}
	| {readonly kind: 'file'; readonly op: FileTest; readonly path: string};

/** Splits `if` arguments (`($a`, `=`, `""`, `)`) into a condition, or explains why nginx would reject it. */
export function parseCondition(args: readonly string[]): Condition | {error: string} {
	const words = [...args];
	if (!words[0]?.startsWith('(')) {
		return {error: 'invalid condition'};
	}

	words[0] = words[0].slice(1);
	if (words[0] === '') {
		words.shift();
	}

	const last = words.at(-1);
	if (last === ')') {
		words.pop();
	} else if (last?.endsWith(')')) {
		words[words.length - 1] = last.slice(0, -1);
	} else {
		return {error: 'invalid condition, missing ")"'};
	}

	const [first, op, operand] = words;
	if (first === undefined) {
		return {error: 'invalid condition'};
	}

	if (first.startsWith('$')) {
		const variable = first.slice(1);
		if (op === undefined) {
			return {kind: 'truthy', variable};
		}

		if ((op === '=' || op === '!=') && operand !== undefined) {
			return {kind: 'compare', variable, op, value: operand};
		}

		if ((op === '~' || op === '~*' || op === '!~' || op === '!~*') && operand !== undefined) {
			return {kind: 'regex', variable, op, pattern: operand};
		}

		return {error: `unexpected "${op}" in condition`};
	}

	if (/^!?-[fdex]$/.test(first) && op !== undefined) {
		return {kind: 'file', op: first as FileTest, path: op};
	}

	return {error: `unexpected "${first}" in condition`};
}

/** Every variable a condition reads, without the `$`. */
export function conditionVariables(condition: Condition): string[] {
	if (condition.kind === 'file') {
		return variablesIn(condition.path);
	}

	return [condition.variable.replace(/^\{|\}$/g, ''), ...(condition.kind === 'compare' ? variablesIn(condition.value) : [])];
}

/**
Evaluates a condition; undefined when a variable it reads is unknown or its regex cannot be run here.
File tests go through `fileTest`, which answers from the real file system.
*/
export async function evaluateCondition(
	condition: Condition,
	lookup: VariableLookup,
	fileTest: (op: FileTest, path: string) => Promise<boolean | undefined>,
): Promise<boolean | undefined> {
	if (condition.kind === 'file') {
		const path = interpolate(condition.path, lookup);
		return path === undefined ? undefined : fileTest(condition.op, path);
	}

	const value = lookup(condition.variable.replace(/^\{|\}$/g, ''));
	if (value === undefined) {
		return undefined;
	}

	switch (condition.kind) {
		case 'truthy': {
			// nginx: "if a variable value is an empty string or “0”, it is false".
			return value !== '' && value !== '0';
		}

		case 'compare': {
			const expected = interpolate(condition.value, lookup);
			return expected === undefined ? undefined : (value === expected) === (condition.op === '=');
		}

		case 'regex': {
			const regex = nginxRegExp(condition.pattern, condition.op.endsWith('*'));
			return regex === undefined ? undefined : regex.test(value) === !condition.op.startsWith('!');
		}
	}
}

/** The condition as written, for messages: `($invalid_referer)`, `($request_method !~ ^(GET|HEAD)$)`. */
export function conditionText(args: readonly string[]): string {
	return args.map(argument => (argument === '' ? '""' : argument)).join(' ').replace(/ \)$/, ')');
}
