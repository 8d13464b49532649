import type {RewriteCondDef, RewriteRuleDef} from './rewrite-rules.js';

/** Request variables a rewrite rule can read; undefined = not knowable from outside the server. */
export type RewriteLookup = {
	variable(name: string): string | undefined;
	/** `-f`/`-d` tests: the kind of a path, when known. */
	fileKind(path: string): 'file' | 'directory' | 'missing' | undefined;
};

/** What the rule list did to the request. */
export type RewriteOutcome = {
	/** The first rule whose `[F]` fired. */
	readonly forbidden?: RewriteRuleDef;
	/** A rule that answers 410, redirects, or rewrites (the request continues elsewhere). */
	readonly other?: {readonly rule: RewriteRuleDef; readonly effect: 'gone' | 'redirect' | 'rewrite'; readonly target: string};
	readonly uncertain: boolean;
};

/** Runs rules in order as mod_rewrite's `apply_rewrite_list` does (chains, skips, `[L]`/`[END]`, `[OR]` conditions). */
export function evaluateRewrite(rules: readonly RewriteRuleDef[], input: string, lookup: RewriteLookup): RewriteOutcome {
	let current = input;
	let uncertain = false;
	let skip = 0;
	let skippingChain = false;
	let other: RewriteOutcome['other'];
	for (const rule of rules) {
		if (skippingChain) {
			skippingChain = rule.flags.has('c');
			continue;
		}

		if (skip > 0) {
			skip--;
			continue;
		}

		const negate = rule.pattern.startsWith('!');
		const regex = compile(negate ? rule.pattern.slice(1) : rule.pattern, rule.flags.has('nc'));
		if (!regex) {
			uncertain = true;
			continue;
		}

		const match = regex.exec(current);
		const ruleMatched = negate ? !match : Boolean(match);
		const conds = ruleMatched ? condsHold(rule.conds, match ?? undefined, lookup) : {value: false, uncertain: false};
		uncertain ||= conds.uncertain;
		if (!conds.value) {
			skippingChain = rule.flags.has('c');
			continue;
		}

		if (rule.flags.has('f')) {
			return {forbidden: rule, other, uncertain};
		}

		if (rule.flags.has('g')) {
			return {other: {rule, effect: 'gone', target: current}, uncertain};
		}

		if (rule.substitution !== '-') {
			const target = expand(rule.substitution, match ?? undefined, undefined, lookup).text;
			other ??= {rule, effect: rule.flags.has('r') || /^[a-z]+:\/\//i.test(target) ? 'redirect' : 'rewrite', target};
			current = target;
		}

		if (rule.flags.has('r') || rule.flags.has('l') || rule.flags.has('end')) {
			break;
		}

		skip = Number(rule.flags.get('s') ?? 0) || 0;
	}

	return {other, uncertain};
}

function condsHold(conds: readonly RewriteCondDef[], ruleMatch: RegExpExecArray | undefined, lookup: RewriteLookup): {value: boolean; uncertain: boolean} {
	let uncertain = false;
	let condMatch: RegExpExecArray | undefined;
	for (let index = 0; index < conds.length; index++) {
		const cond = conds[index];
		if (!cond) {
			continue;
		}

		const tested = expand(cond.testString, ruleMatch, condMatch, lookup);
		uncertain ||= tested.uncertain;
		const result = condHolds(cond, tested.text, lookup);
		uncertain ||= result.value === undefined;
		if (result.match) {
			condMatch = result.match;
		}

		if (cond.flags.has('or')) {
			if (result.value === true) {
				while (index < conds.length && conds[index]?.flags.has('or')) {
					index++;
				}
			}

			continue;
		}

		if (result.value !== true) {
			return {value: false, uncertain};
		}
	}

	return {value: true, uncertain};
}

function condHolds(cond: RewriteCondDef, text: string, lookup: RewriteLookup): {value: boolean | undefined; match?: RegExpExecArray} {
	const negate = cond.pattern.startsWith('!');
	const pattern = negate ? cond.pattern.slice(1) : cond.pattern;
	const flip = (value: boolean | undefined) => value === undefined ? undefined : value !== negate;
	const nocase = cond.flags.has('nc');
	const same = (a: string, b: string) => nocase ? a.toLowerCase() === b.toLowerCase() : a === b;
	const fileTest = /^-([dfsFlLhUxH])$/.exec(pattern)?.[1];
	if (fileTest) {
		const kind = lookup.fileKind(text);
		if (kind === undefined || !/[dfsF]/.test(fileTest)) {
			return {value: undefined};
		}

		return {value: flip(fileTest === 'd' ? kind === 'directory' : kind === 'file')};
	}

	const comparison = /^(<=|>=|=|<|>)(.*)$/s.exec(pattern);
	if (comparison) {
		const [, operator, operand = ''] = comparison;
		const result = operator === '=' ? same(text, operand === '""' ? '' : operand) : compareText(operator ?? '', text, operand);
		return {value: flip(result)};
	}

	const numeric = /^-(eq|ne|lt|le|gt|ge)$/.exec(pattern);
	if (numeric) {
		return {value: undefined};
	}

	const regex = compile(pattern, nocase);
	if (!regex) {
		return {value: undefined};
	}

	const match = regex.exec(text) ?? undefined;
	return {value: flip(Boolean(match)), match: negate ? undefined : match};
}

function compareText(operator: string, a: string, b: string): boolean {
	return operator === '<' ? a < b : (operator === '>' ? a > b : (operator === '<=' ? a <= b : a >= b));
}

/** Expands `%{VAR}`, `$N` (rule groups) and `%N` (last condition groups) in a test string or substitution. */
function expand(text: string, ruleMatch: RegExpExecArray | undefined, condMatch: RegExpExecArray | undefined, lookup: RewriteLookup): {text: string; uncertain: boolean} {
	let uncertain = false;
	const result = text.replaceAll(/%\{([^}]+)\}|\$(\d)|%(\d)/g, (_whole, name: string | undefined, rule: string | undefined, cond: string | undefined) => {
		if (name) {
			const value = lookup.variable(name);
			uncertain ||= value === undefined;
			return value ?? '';
		}

		return (rule ? ruleMatch?.[Number(rule)] : condMatch?.[Number(cond)]) ?? '';
	});
	return {text: result, uncertain};
}

/** PCRE as JavaScript reads it: a leading `(?i)` becomes the `i` flag; what JavaScript cannot compile is undefined. */
export function compile(pattern: string, nocase: boolean): RegExp | undefined {
	const inline = pattern.startsWith('(?i)');
	try {
		return new RegExp(inline ? pattern.slice(4) : pattern, nocase || inline ? 'i' : '');
	} catch {
		return undefined;
	}
}
