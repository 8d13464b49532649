import type {AuthzGroup, AuthzLeaf, AuthzNode} from './authz-tree.js';
import type {ExprResult} from './expr.js';
import {provider} from './authz-providers.js';
import {methodApplies} from './methods.js';

/** mod_authz_core's results; `denied-no-user` means a login could change the answer (httpd then asks with 401). */
export type AuthzStatus = 'granted' | 'denied' | 'denied-no-user' | 'neutral';

/** The outcome of a tree or subtree, with the lines that decided it. */
export type AuthzOutcome = {
	readonly status: AuthzStatus;
	/** Some provider could not be judged from outside the server (env, host names, complex expressions). */
	readonly uncertain: boolean;
	/** Leaves responsible for a denial (every failed alternative of an any, the failing member of an all). */
	readonly blame: readonly AuthzLeaf[];
};

/** What the providers compare against. */
export type AuthzContext = {
	readonly method: string;
	readonly clientAddress: string;
	readonly clientHost?: string;
	readonly serverAddress?: string;
	readonly secure: boolean;
	/** Environment variables set by SetEnvIf/BrowserMatch for this request; undefined entries were not decidable. */
	readonly env: ReadonlyMap<string, string | undefined>;
	readonly expression: (text: string) => ExprResult;
};

/** mod_authz_core's `apply_authz_sections`, started under an implicit all as `authorize_user_core` does. */
export function evaluateAuthz(root: AuthzGroup | undefined, context: AuthzContext): AuthzOutcome {
	return root ? evaluate(root, context, 'and') : {status: 'granted', uncertain: false, blame: []};
}

function evaluate(node: AuthzNode, context: AuthzContext, parentOp: 'and' | 'or'): AuthzOutcome {
	if (!applies(node, context.method)) {
		// A directive limited to other methods: granted under an all, neutral under an any.
		return {status: parentOp === 'and' ? 'granted' : 'neutral', uncertain: false, blame: []};
	}

	let outcome: AuthzOutcome;
	if (node.kind === 'leaf') {
		const {status, uncertain} = provider(node, context);
		outcome = {status, uncertain, blame: status === 'granted' ? [] : [node]};
	} else {
		outcome = combine(node, context);
	}

	if (!node.negate) {
		return outcome;
	}

	if (outcome.status === 'granted') {
		return {status: 'denied', uncertain: outcome.uncertain, blame: node.kind === 'leaf' ? [node] : grantedLeaves(node, context)};
	}

	return outcome.status === 'neutral' ? outcome : {status: 'neutral', uncertain: outcome.uncertain, blame: []};
}

function combine(group: AuthzGroup, context: AuthzContext): AuthzOutcome {
	let status: AuthzStatus = 'neutral';
	let uncertain = false;
	const blame: AuthzLeaf[] = [];
	for (const child of group.children) {
		const result = evaluate(child, context, group.op);
		uncertain ||= result.uncertain;
		if (result.status === 'neutral') {
			continue;
		}

		if (group.op === 'and') {
			if (result.status === 'denied') {
				return {status: 'denied', uncertain, blame: [...result.blame]};
			}

			if ((result.status === 'denied-no-user' && status !== 'denied') || status === 'neutral') {
				status = result.status;
				blame.push(...result.blame);
			}
		} else {
			if (result.status === 'granted') {
				return {status: 'granted', uncertain, blame: []};
			}

			blame.push(...result.blame);
			if ((result.status === 'denied-no-user' && status === 'denied') || status === 'neutral') {
				status = result.status;
			}
		}
	}

	return {status, uncertain, blame: status === 'granted' ? [] : blame};
}

/** The leaves that granted inside a group that was negated (`<RequireNone>`): they are why it denied. */
function grantedLeaves(group: AuthzGroup, context: AuthzContext): AuthzLeaf[] {
	return group.children.flatMap(child => {
		if (!applies(child, context.method)) {
			return [];
		}

		if (child.kind === 'leaf') {
			const {status} = provider(child, context);
			return (status === 'granted') === !child.negate ? [child] : [];
		}

		return evaluate(child, context, group.op).status === 'granted' ? grantedLeaves(child, context) : [];
	});
}

function applies(node: AuthzNode, method: string): boolean {
	return node.kind === 'leaf' ? methodApplies(node.methods, method) : node.children.some(child => applies(child, method));
}
