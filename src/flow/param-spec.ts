import {isCauseId, layers} from '../diagnosis/cause-ids.js';

export type ParamType =
	| 'string'
	| 'number'
	| 'boolean'
	| 'string[]'
	| 'number[]'
	| 'cause'
	| 'cause[]'
	| 'layer'
	| 'guard'
	| 'guard[]';

export type ParamRule = {
	readonly type: ParamType;
	readonly required?: boolean;
	/** For strings: the allowed values. */
	readonly oneOf?: readonly string[];
	readonly description?: string;
};

/** What a check or guard accepts in `params`; validated when a flow is loaded, never at run time. */
export type ParamSpec = Readonly<Record<string, ParamRule>>;

export type ParamIssue = {readonly path: string; readonly reason: string};

const isStringArray = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every(item => typeof item === 'string');

/**
Checks `params` against `spec`. Nested guards (`guard`, `guard[]`) are handed to `checkGuard`, so a
combinator's operands are validated with the same rules as a top-level guard.
*/
export function checkParams(
	spec: ParamSpec,
	params: unknown,
	path: string,
	checkGuard: (guard: unknown, path: string) => ParamIssue[],
): ParamIssue[] {
	if (params === undefined || params === null) {
		params = {};
	}

	if (typeof params !== 'object' || Array.isArray(params)) {
		return [{path, reason: 'params must be a mapping'}];
	}

	const record = params as Record<string, unknown>;
	const issues: ParamIssue[] = [];
	for (const key of Object.keys(record)) {
		if (!Object.hasOwn(spec, key)) {
			const known = Object.keys(spec);
			issues.push({path: `${path}.${key}`, reason: `unknown parameter "${key}"${known.length > 0 ? ` (known: ${known.join(', ')})` : ' (takes none)'}`});
		}
	}

	for (const [key, rule] of Object.entries(spec)) {
		const value = record[key];
		const at = `${path}.${key}`;
		if (value === undefined) {
			if (rule.required) {
				issues.push({path: at, reason: `missing required parameter "${key}"`});
			}

			continue;
		}

		issues.push(...checkValue(rule, value, at, checkGuard));
	}

	return issues;
}

function checkValue(
	rule: ParamRule,
	value: unknown,
	at: string,
	checkGuard: (guard: unknown, path: string) => ParamIssue[],
): ParamIssue[] {
	switch (rule.type) {
		case 'string': {
			if (typeof value !== 'string') {
				return [{path: at, reason: 'must be a string'}];
			}

			return rule.oneOf && !rule.oneOf.includes(value) ? [{path: at, reason: `must be one of ${rule.oneOf.join(', ')}`}] : [];
		}

		case 'number': {
			return typeof value === 'number' && Number.isFinite(value) ? [] : [{path: at, reason: 'must be a number'}];
		}

		case 'boolean': {
			return typeof value === 'boolean' ? [] : [{path: at, reason: 'must be true or false'}];
		}

		case 'string[]': {
			if (!isStringArray(value)) {
				return [{path: at, reason: 'must be a list of strings'}];
			}

			const bad = rule.oneOf ? value.filter(item => !rule.oneOf!.includes(item)) : [];
			return bad.length > 0 ? [{path: at, reason: `unknown value "${bad[0]}" (allowed: ${rule.oneOf!.join(', ')})`}] : [];
		}

		case 'number[]': {
			return Array.isArray(value) && value.every(item => typeof item === 'number')
				? []
				: [{path: at, reason: 'must be a list of numbers'}];
		}

		case 'cause': {
			return typeof value === 'string' && isCauseId(value) ? [] : [{path: at, reason: `unknown cause "${String(value)}"`}];
		}

		case 'cause[]': {
			if (!isStringArray(value)) {
				return [{path: at, reason: 'must be a list of cause ids'}];
			}

			const bad = value.find(item => !isCauseId(item));
			return bad === undefined ? [] : [{path: at, reason: `unknown cause "${bad}"`}];
		}

		case 'layer': {
			return typeof value === 'string' && (layers as readonly string[]).includes(value)
				? []
				: [{path: at, reason: `unknown layer "${String(value)}" (layers: ${layers.join(', ')})`}];
		}

		case 'guard': {
			return checkGuard(value, at);
		}

		case 'guard[]': {
			if (!Array.isArray(value) || value.length === 0) {
				return [{path: at, reason: 'must be a non-empty list of guards'}];
			}

			return value.flatMap((item, index) => checkGuard(item, `${at}[${index}]`));
		}
	}
}
