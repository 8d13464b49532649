import type {MethodScope} from './methods.js';
import {allMethods} from './methods.js';
import {splitWords} from './tokenize.js';
import type {ApacheLocation, ApacheNode} from './types.js';

/** One `Require [not] provider args` line, with the methods its `<Limit>`/`<LimitExcept>` restricts it to. */
export type AuthzLeaf = {
	readonly kind: 'leaf';
	/** Provider name, lower case: `all`, `ip`, `host`, `local`, `valid-user`, `env`, `expr`, `method`… */
	readonly provider: string;
	/** Argument text after the provider name. */
	readonly args: string;
	readonly negate: boolean;
	readonly methods: MethodScope;
	readonly at: ApacheLocation;
	/** The line as written, for messages: `Require not ip 10.1.2.3`. */
	readonly text: string;
};

/** `<RequireAll>` (and), `<RequireAny>` (or), `<RequireNone>` (negated or), the implicit any of bare `Require` lines, or an `AuthMerging` join. */
export type AuthzGroup = {
	readonly kind: 'group';
	readonly op: 'and' | 'or';
	readonly negate: boolean;
	readonly children: readonly AuthzNode[];
	readonly label: string;
	readonly at?: ApacheLocation;
};

export type AuthzNode = AuthzLeaf | AuthzGroup;

/** mod_authz_core's per-section configuration. */
export type AuthzConf = {
	readonly root?: AuthzGroup;
	readonly merging?: 'off' | 'and' | 'or';
	readonly forbiddenOnFailure?: boolean;
	/** What httpd would refuse at start-up (e.g. a lone `Require not`). */
	readonly problems: ReadonlyArray<{readonly at: ApacheLocation; readonly reason: string}>;
};

type Builder = {op: 'and' | 'or'; negate: boolean; label: string; at?: ApacheLocation; children: AuthzNode[]};

const groupKinds: Record<string, {op: 'and' | 'or'; negate: boolean}> = {
	requireall: {op: 'and', negate: false},
	requireany: {op: 'or', negate: false},
	requirenone: {op: 'or', negate: true},
};

/** Builds a section's authorization tree as mod_authz_core does while reading it; undefined when it has none. */
export function readAuthz(nodes: readonly ApacheNode[]): AuthzConf | undefined {
	const problems: Array<{at: ApacheLocation; reason: string}> = [];
	const root: Builder = {op: 'or', negate: false, label: 'implicit <RequireAny>', children: []};
	let merging: AuthzConf['merging'];
	let forbiddenOnFailure: boolean | undefined;
	let seen = false;

	const walk = (children: readonly ApacheNode[], group: Builder, methods: MethodScope) => {
		for (const node of children) {
			const at = {file: node.file, line: node.line};
			const name = node.name.toLowerCase();
			if (node.kind === 'section' && (name === 'limit' || name === 'limitexcept')) {
				walk(node.children, group, {kind: name === 'limit' ? 'only' : 'except', methods: node.args.map(word => word.toUpperCase())});
			} else if (node.kind === 'section' && groupKinds[name]) {
				seen = true;
				const kind = groupKinds[name];
				const inner: Builder = {...kind, label: `<${node.name}>`, at, children: []};
				walk(node.children, inner, methods);
				if (inner.children.length === 0) {
					problems.push({at, reason: `<${node.name}> directive contains no authorization directives`});
				} else if (inner.negate && group.op === 'or') {
					problems.push({at, reason: `<${node.name}> directive has no effect in ${group.label.replace('implicit ', '')} directive`});
				}

				const flatten = !inner.negate && inner.op === group.op;
				group.children.push(...(flatten ? inner.children : [toGroup(inner)]));
			} else if (node.kind === 'directive' && name === 'require') {
				seen = true;
				const words = splitWords(node.raw);
				const negate = words[0]?.toLowerCase() === 'not';
				const provider = (negate ? words[1] : words[0])?.toLowerCase() ?? '';
				const args = node.raw.trim().replace(negate ? /^\S+\s+\S+\s*/ : /^\S+\s*/, '');
				if (negate && group.op === 'or') {
					problems.push({at, reason: `negative Require directive has no effect in ${group.label.replace('implicit ', '')} directive`});
				}

				group.children.push({kind: 'leaf', provider, args, negate, methods, at, text: `Require ${node.raw.trim()}`});
			} else if (node.kind === 'directive' && name === 'authmerging') {
				seen = true;
				const value = node.args[0]?.toLowerCase();
				merging = value === 'and' || value === 'or' ? value : 'off';
			} else if (node.kind === 'directive' && name === 'authzsendforbiddenonfailure') {
				seen = true;
				forbiddenOnFailure = node.args[0]?.toLowerCase() === 'on';
			}
		}
	};

	walk(nodes, root, allMethods);
	if (!seen) {
		return undefined;
	}

	const tree = root.children.length > 0 ? toGroup(root) : undefined;
	if (tree) {
		negativeOnly(tree, true, problems);
	}

	return {root: tree, merging, forbiddenOnFailure, problems};
}

/** Combines an earlier section's authorization with a later one's, per `AuthMerging` (default Off: the later replaces). */
export function mergeAuthz(base: AuthzConf | undefined, add: AuthzConf | undefined): AuthzConf | undefined {
	if (!add) {
		return base;
	}

	const forbiddenOnFailure = add.forbiddenOnFailure ?? base?.forbiddenOnFailure;
	if (add.merging === undefined && !add.root && base?.root) {
		return {...base, forbiddenOnFailure};
	}

	if (add.merging === undefined || add.merging === 'off' || !(base?.root ?? add.root)) {
		return {...add, forbiddenOnFailure};
	}

	const children = [base?.root, add.root].filter(node => node !== undefined);
	const root: AuthzGroup = children.length === 1 && children[0]
		? children[0]
		: {kind: 'group', op: add.merging, negate: false, children, label: `AuthMerging ${add.merging === 'and' ? 'And' : 'Or'}`};
	return {root, merging: add.merging, forbiddenOnFailure, problems: add.problems};
}

function toGroup(builder: Builder): AuthzGroup {
	return {kind: 'group', op: builder.op, negate: builder.negate, children: builder.children, label: builder.label, at: builder.at};
}

/** `authz_core_check_section`: after De Morgan on negated groups of the other kind, a group needs one positive member (AH01624). */
function negativeOnly(group: AuthzGroup, isRoot: boolean, problems: Array<{at: ApacheLocation; reason: string}>): void {
	const effective: AuthzNode[] = [];
	for (const child of group.children) {
		if (child.kind === 'group') {
			negativeOnly(child, false, problems);
		}

		const expand = child.kind === 'group' && child.negate && child.op !== group.op;
		effective.push(...(expand ? child.children.map(member => ({...member, negate: !member.negate})) : [child]));
	}

	if (effective.length > 0 && effective.every(child => child.negate)) {
		const first = group.children[0];
		const at = group.at ?? (first?.kind === 'leaf' ? first.at : first?.at) ?? {file: '', line: 0};
		problems.push({at, reason: `AH01624: ${isRoot ? '<Directory>, <Location>, or similar' : group.label} directive contains only negative authorization directives`});
	}
}
