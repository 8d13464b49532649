import type {AuthzGroup, AuthzLeaf, AuthzNode} from './authz-tree.js';
import type {ExprResult} from './expr.js';
import {ipMatches, isLoopback} from './ip-match.js';
import {methodApplies} from './methods.js';
import {splitWords, unquoteExpression} from './tokenize.js';

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

/** One provider's verdict for an anonymous request (no user has authenticated). */
export function provider(leaf: AuthzLeaf, context: AuthzContext): {status: AuthzStatus; uncertain: boolean} {
	const words = splitWords(leaf.args);
	const verdict = (granted: boolean | undefined) => ({status: granted === true ? 'granted' as const : 'denied' as const, uncertain: granted === undefined});
	switch (leaf.provider) {
		case 'all': {
			return verdict(words[0]?.toLowerCase() === 'granted');
		}

		case 'ip': {
			return verdict(words.some(word => ipMatches(word, context.clientAddress) === true));
		}

		case 'local': {
			return verdict(isLoopback(context.clientAddress) || context.clientAddress === context.serverAddress);
		}

		case 'host': {
			const host = context.clientHost?.toLowerCase();
			return verdict(host === undefined ? undefined : words.some(word => inDomain(word.toLowerCase(), host)));
		}

		case 'method': {
			return verdict(words.some(word => methodApplies({kind: 'only', methods: [word]}, context.method)));
		}

		case 'env': {
			const values = words.map(word => context.env.has(word) ? (context.env.get(word) === undefined ? undefined : true) : false);
			return verdict(values.includes(true) ? true : (values.includes(undefined) ? undefined : false));
		}

		case 'expr': {
			return verdict(context.expression(unquoteExpression(leaf.args)).value);
		}

		case 'ssl': {
			return verdict(context.secure);
		}

		case 'valid-user':
		case 'user':
		case 'group':
		case 'file-owner':
		case 'file-group':
		case 'dbm-group':
		case 'dbd-group':
		case 'ldap-user':
		case 'ldap-group':
		case 'ldap-dn':
		case 'ldap-attribute':
		case 'ldap-filter': {
			return {status: 'denied-no-user', uncertain: false};
		}

		default: {
			return verdict(undefined);
		}
	}
}

/** mod_authz_host's host match: the whole name or a whole dot-separated suffix. */
function inDomain(domain: string, host: string): boolean {
	if (host === domain) {
		return true;
	}

	return host.endsWith(domain) && (domain.startsWith('.') || host[host.length - domain.length - 1] === '.');
}
