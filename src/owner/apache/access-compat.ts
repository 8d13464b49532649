import {ipMatches} from './ip-match.js';
import type {MethodScope} from './methods.js';
import {allMethods, methodApplies} from './methods.js';
import type {ApacheDirective, ApacheLocation, ApacheNode} from './types.js';

/** One `Allow from`/`Deny from` argument with where it was written. */
export type HostRule = {readonly from: string; readonly methods: MethodScope; readonly at: ApacheLocation; readonly text: string};

/** mod_access_compat's per-section configuration (2.2-style `Order`/`Allow`/`Deny`/`Satisfy`). */
export type AccessCompatConf = {
	readonly orders: ReadonlyArray<{readonly order: 'deny,allow' | 'allow,deny' | 'mutual-failure'; readonly methods: MethodScope; readonly at: ApacheLocation}>;
	readonly allows: readonly HostRule[];
	readonly denys: readonly HostRule[];
	readonly satisfyAny?: ApacheLocation;
};

/** The outcome, and the lines that decided it. */
export type AccessCompatOutcome = {
	readonly allowed: boolean;
	readonly uncertain: boolean;
	readonly order: 'deny,allow' | 'allow,deny' | 'mutual-failure';
	readonly orderAt?: ApacheLocation;
	/** The `Deny from` that matched, or for allow-first orders the `Allow from` lines that did not. */
	readonly blame: readonly HostRule[];
};

/**
Reads a section's `Order`/`Allow`/`Deny`/`Satisfy`; undefined when it has none. mod_access_compat has no merge
function, so a later section that sets any of them replaces the earlier one entirely.
*/
export function readAccessCompat(nodes: readonly ApacheNode[]): AccessCompatConf | undefined {
	const orders: Array<AccessCompatConf['orders'][number]> = [];
	const allows: HostRule[] = [];
	const denys: HostRule[] = [];
	let satisfyAny: ApacheLocation | undefined;
	let seen = false;
	const walk = (children: readonly ApacheNode[], methods: MethodScope) => {
		for (const node of children) {
			const name = node.name.toLowerCase();
			if (node.kind === 'section') {
				if (name === 'limit' || name === 'limitexcept') {
					walk(node.children, {kind: name === 'limit' ? 'only' : 'except', methods: node.args.map(word => word.toUpperCase())});
				}

				continue;
			}

			const at = {file: node.file, line: node.line};
			if (name === 'order') {
				seen = true;
				const value = node.args[0]?.toLowerCase().replaceAll(/\s/g, '');
				orders.push({order: value === 'allow,deny' || value === 'mutual-failure' ? value : 'deny,allow', methods, at});
			} else if (name === 'allow' || name === 'deny') {
				seen = true;
				(name === 'allow' ? allows : denys).push(...hostRules(node, methods));
			} else if (name === 'satisfy') {
				seen = true;
				satisfyAny = node.args[0]?.toLowerCase() === 'any' ? at : undefined;
			}
		}
	};

	walk(nodes, allMethods);
	return seen ? {orders, allows, denys, satisfyAny} : undefined;
}

function hostRules(directive: ApacheDirective, methods: MethodScope): HostRule[] {
	const text = `${directive.name} ${directive.raw}`.trim();
	return directive.args.slice(1).map(from => ({from, methods, at: {file: directive.file, line: directive.line}, text}));
}

/** `check_dir_access` for one request. */
export function evaluateAccessCompat(conf: AccessCompatConf, request: {method: string; clientAddress: string; clientHost?: string; env: ReadonlyMap<string, string | undefined>}): AccessCompatOutcome {
	const orderEntry = conf.orders.findLast(entry => methodApplies(entry.methods, request.method));
	const order = orderEntry?.order ?? 'deny,allow';
	let uncertain = false;
	const matching = (rules: readonly HostRule[]) => rules.filter(rule => {
		if (!methodApplies(rule.methods, request.method)) {
			return false;
		}

		const verdict = hostMatches(rule.from, request);
		uncertain ||= verdict === undefined;
		return verdict === true;
	});
	const allowed = matching(conf.allows);
	const denied = matching(conf.denys);
	const applicableAllows = conf.allows.filter(rule => methodApplies(rule.methods, request.method));
	let result: boolean;
	let blame: HostRule[];
	if (order === 'allow,deny') {
		result = allowed.length > 0 && denied.length === 0;
		blame = denied.length > 0 ? denied : applicableAllows;
	} else if (order === 'deny,allow') {
		result = denied.length === 0 || allowed.length > 0;
		blame = denied;
	} else {
		result = allowed.length > 0 && denied.length === 0;
		blame = denied.length > 0 ? denied : applicableAllows;
	}

	return {allowed: result, uncertain, order, orderAt: orderEntry?.at, blame: result ? [] : blame};
}

function hostMatches(from: string, request: {clientAddress: string; clientHost?: string; env: ReadonlyMap<string, string | undefined>}): boolean | undefined {
	if (from.toLowerCase() === 'all') {
		return true;
	}

	if (/^env=/i.test(from)) {
		const name = from.slice(4);
		return request.env.has(name) ? (request.env.get(name) === undefined ? undefined : true) : false;
	}

	const ip = ipMatches(from, request.clientAddress);
	if (ip !== undefined) {
		return ip;
	}

	const host = request.clientHost?.toLowerCase();
	if (host === undefined) {
		return undefined;
	}

	const domain = from.toLowerCase();
	return host === domain || (host.endsWith(domain) && (domain.startsWith('.') || host[host.length - domain.length - 1] === '.'));
}
