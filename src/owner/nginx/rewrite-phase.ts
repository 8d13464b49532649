import {evaluateCondition, parseCondition, type Condition, type FileTest} from './conditions.js';
import {nginxRegExp} from './nginx-regex.js';
import type {Directive} from './types.js';
import {interpolate, type VariableLookup} from './variables.js';

/** One enclosing `if` of a directive, and what its condition came to for this request. */
export type IfFrame = {
	readonly directive: Directive;
	readonly condition: Condition | undefined;
	/** undefined: could not be evaluated here. */
	readonly result: boolean | undefined;
};

/** A `return` that ends (or may end) request processing. */
export type ReturnHit = {
	readonly code: number;
	readonly directive: Directive;
	/** Enclosing `if`s, outermost first. */
	readonly within: readonly IfFrame[];
};

export type RewriteOutcome = {
	/** The `return` that certainly runs: every enclosing `if` is true. */
	readonly returned?: ReturnHit;
	/** `return`s behind conditions that could not be evaluated here. */
	readonly possible: readonly ReturnHit[];
	/** `if` blocks that are true: their directives (root, …) apply on top of the location. */
	readonly trueIfs: readonly Directive[];
	/** Set when a `rewrite … last` (or flagless rewrite) sends the request to another location. */
	readonly redirectTo?: {readonly uri: string; readonly directive: Directive};
	/** The URI after `rewrite … break` (same location, different file). */
	readonly uri: string;
	/** `rewrite`s that may apply but could not be followed. */
	readonly unfollowed: readonly Directive[];
};

export type RewriteInput = {
	readonly uri: string;
	/** Reads variables, including those `set` assigns through `assigned`. */
	readonly lookup: VariableLookup;
	readonly assigned: Map<string, string | undefined>;
	readonly fileTest: (op: FileTest, path: string) => Promise<boolean | undefined>;
};

const redirectCodes = new Set([301, 302, 303, 307, 308]);

/**
Runs the rewrite-module directives of one block (`set`, `if`, `return`, `rewrite`, `break`) in order, as
the server-rewrite or rewrite phase does. Conditions that cannot be evaluated are followed speculatively:
their `return`s become `possible`, their `set`s make variables unknown.
*/
export async function runRewritePhase(block: readonly Directive[], input: RewriteInput): Promise<RewriteOutcome> {
	const possible: ReturnHit[] = [];
	const trueIfs: Directive[] = [];
	const unfollowed: Directive[] = [];
	let uri = input.uri;
	type Stop = {returned?: ReturnHit; redirectTo?: {uri: string; directive: Directive}} | 'break' | undefined;

	const run = async (directives: readonly Directive[], within: IfFrame[], certain: boolean): Promise<Stop> => {
		for (const directive of directives) {
			switch (directive.name) {
				case 'set': {
					const [name = '', value = ''] = directive.args;
					input.assigned.set(name.replace(/^\$/, ''), certain ? interpolate(value, input.lookup) : undefined);
					break;
				}

				case 'return': {
					const hit = {code: returnCode(directive.args), directive, within};
					if (certain) {
						return {returned: hit};
					}

					possible.push(hit);
					return 'break';
				}

				case 'break': {
					return 'break';
				}

				case 'if': {
					const parsed = parseCondition(directive.args);
					const condition = 'error' in parsed ? undefined : parsed;
					const result = condition === undefined ? undefined : await evaluateCondition(condition, input.lookup, input.fileTest);
					if (result === false) {
						break;
					}

					const inner = await run(directive.block ?? [], [...within, {directive, condition, result}], certain && result === true);
					if (certain && result === true) {
						trueIfs.push(directive);
						if (inner !== undefined) {
							return inner;
						}
					}

					break;
				}

				case 'rewrite': {
					const stop = rewrite(directive, certain);
					if (stop !== undefined) {
						return stop;
					}

					break;
				}

				default: {
					break;
				}
			}
		}

		return undefined;
	};

	const rewrite = (directive: Directive, certain: boolean): Stop => {
		const [pattern = '', replacement = '', flag] = directive.args;
		const regex = nginxRegExp(pattern, false);
		const match = regex?.exec(uri);
		if (regex === undefined || !certain) {
			unfollowed.push(directive);
			return undefined;
		}

		if (!match) {
			return undefined;
		}

		const target = interpolate(replacement, name => (/^\d$/.test(name) ? match[Number(name)] ?? '' : input.lookup(name)));
		if (/^https?:\/\//.test(replacement) || flag === 'redirect' || flag === 'permanent') {
			return {returned: {code: flag === 'permanent' ? 301 : 302, directive, within: []}};
		}

		if (target === undefined) {
			unfollowed.push(directive);
			return 'break';
		}

		uri = target.split('?')[0]!;
		if (flag === 'break') {
			return 'break';
		}

		return flag === 'last' ? {redirectTo: {uri, directive}} : undefined;
	};

	const stop = await run(block, [], true);
	const ended = typeof stop === 'object' ? stop : {};
	const rewrote = ended.redirectTo ?? (uri !== input.uri && stop !== 'break' ? {uri, directive: block.findLast(directive => directive.name === 'rewrite')!} : undefined);
	return {returned: ended.returned, possible, trueIfs, redirectTo: rewrote, uri, unfollowed};
}

/** `return 403;`, `return 403 "text";`, `return 301 URL;`, `return URL;` (302). */
export function returnCode(args: readonly string[]): number {
	const [first = ''] = args;
	if (/^\d{3}$/.test(first)) {
		return Number(first);
	}

	return 302;
}

/** Whether a status code ends the request with a redirect rather than an error. */
export function isRedirect(code: number): boolean {
	return redirectCodes.has(code);
}
