import type {AuthzLeaf} from './authz-tree.js';
import type {CauseId} from '../../diagnosis/cause-ids.js';
import type {RewriteCondDef} from './rewrite-rules.js';
import type {SetEnvRule} from './setenvif.js';

const userProviders = new Set(['valid-user', 'user', 'group', 'file-owner', 'file-group', 'dbm-group', 'dbd-group', 'ldap-user', 'ldap-group', 'ldap-dn', 'ldap-attribute', 'ldap-filter']);

/** Whether a provider needs an authenticated user (then httpd answers 401, not 403, to an anonymous visitor). */
export function needsUser(leaf: AuthzLeaf): boolean {
	return userProviders.has(leaf.provider);
}

/**
Names the cause a rule's test points at: conditions on the Referer are hotlink protection, on the User-Agent a
bot block, on the method a method block, on the address an allow list; anything else is a plain deny rule.
*/
export function causeOfVariables(names: Iterable<string>): CauseId {
	const all = [...names].map(name => name.toUpperCase().replaceAll('-', '_'));
	const has = (part: string) => all.some(name => name.includes(part));
	if (has('REFERER')) {
		return 'hotlink-protection';
	}

	if (has('USER_AGENT')) {
		return 'bot-block';
	}

	if (has('REQUEST_METHOD')) {
		return 'method-blocked';
	}

	if (has('REMOTE_ADDR') || has('REMOTE_HOST')) {
		return 'ip-allowlist';
	}

	return 'server-deny-rule';
}

/** The variables a RewriteRule's conditions test (`%{HTTP_REFERER}` → HTTP_REFERER). */
export function condVariables(conds: readonly RewriteCondDef[]): string[] {
	return conds.flatMap(cond => [...cond.testString.matchAll(/%\{([^}]+)\}/g)].map(match => match[1] ?? ''));
}

/** SetEnvIf attributes in the naming of server variables (`Referer` → HTTP_REFERER). */
export function setEnvVariable(rule: SetEnvRule): string {
	const attribute = rule.attribute.toLowerCase();
	const special: Record<string, string> = {remote_addr: 'REMOTE_ADDR', remote_host: 'REMOTE_HOST', request_method: 'REQUEST_METHOD', request_uri: 'REQUEST_URI'};
	return special[attribute] ?? `HTTP_${attribute.toUpperCase().replaceAll('-', '_')}`;
}

/** The cause a failed `Require` line stands for. `reads` are the variables an `env`/`expr` test depends on. */
export function causeOfLeaf(leaf: AuthzLeaf, reads: readonly string[]): CauseId {
	if (needsUser(leaf)) {
		return 'missing-credentials';
	}

	if (leaf.methods.kind !== 'all' || leaf.provider === 'method') {
		return 'method-blocked';
	}

	switch (leaf.provider) {
		case 'all': {
			return 'server-deny-rule';
		}

		case 'ip':
		case 'host':
		case 'local':
		case 'forward-dns': {
			return 'ip-allowlist';
		}

		case 'ssl':
		case 'ssl-verify-client': {
			return 'tls-rejected';
		}

		case 'env':
		case 'expr': {
			return causeOfVariables(reads);
		}

		default: {
			return 'server-deny-rule';
		}
	}
}
