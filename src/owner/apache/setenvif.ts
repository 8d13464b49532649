import {compile} from './rewrite-eval.js';
import type {ApacheLocation, ApacheNode} from './types.js';

/** One `SetEnvIf`/`SetEnvIfNoCase`/`BrowserMatch`/`BrowserMatchNoCase` line. */
export type SetEnvRule = {
	readonly attribute: string;
	readonly pattern: string;
	readonly nocase: boolean;
	readonly assignments: readonly string[];
	readonly at: ApacheLocation;
	readonly text: string;
};

/** Values the attributes can be compared with; undefined = unknown here. */
export type SetEnvLookup = (attribute: string) => string | undefined;

/** Reads a section's mod_setenvif lines (they accumulate across sections, earlier first). */
export function readSetEnv(nodes: readonly ApacheNode[]): SetEnvRule[] {
	const rules: SetEnvRule[] = [];
	for (const node of nodes) {
		const name = node.name.toLowerCase();
		if (node.kind !== 'directive' || !/^(setenvif(nocase)?|browsermatch(nocase)?)$/.test(name)) {
			continue;
		}

		const browser = name.startsWith('browsermatch');
		const [first = '', second = '', ...rest] = node.args;
		rules.push({
			attribute: browser ? 'User-Agent' : first,
			pattern: browser ? first : second,
			nocase: name.endsWith('nocase'),
			assignments: browser ? [second, ...rest].filter(Boolean) : rest,
			at: {file: node.file, line: node.line},
			text: `${node.name} ${node.raw}`.trim(),
		});
	}

	return rules;
}

/**
Applies the rules in order and returns the variables they set: name → value, or undefined when a rule that
could set it tests something unknown. Also returns the first rule that can set each variable (whether or not
it matched this request), since that rule's attribute tells what a `Require env` really tests.
*/
export function applySetEnv(rules: readonly SetEnvRule[], lookup: SetEnvLookup): {env: Map<string, string | undefined>; setBy: Map<string, SetEnvRule>} {
	const env = new Map<string, string | undefined>();
	const setBy = new Map<string, SetEnvRule>();
	for (const rule of rules) {
		for (const assignment of rule.assignments) {
			const name = assignment.replace(/^!/, '').split('=', 1)[0] ?? '';
			if (!setBy.has(name)) {
				setBy.set(name, rule);
			}
		}
	}

	for (const rule of rules) {
		const value = lookup(rule.attribute);
		const regex = compile(rule.pattern, rule.nocase);
		const matched = value === undefined || !regex ? undefined : regex.test(value);
		if (matched === false) {
			continue;
		}

		for (const assignment of rule.assignments) {
			const unset = assignment.startsWith('!');
			const [name = '', assigned = '1'] = (unset ? assignment.slice(1) : assignment).split('=', 2);
			if (matched === undefined) {
				env.set(name, undefined);
			} else if (unset) {
				env.delete(name);
			} else {
				env.set(name, assigned);
			}
		}
	}

	return {env, setBy};
}
