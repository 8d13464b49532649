import type {AuthzContext, AuthzStatus} from './authz-eval.js';
import type {AuthzLeaf} from './authz-tree.js';
import {ipMatches, isLoopback} from './ip-match.js';
import {methodApplies} from './methods.js';
import {splitWords, unquoteExpression} from './tokenize.js';

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
