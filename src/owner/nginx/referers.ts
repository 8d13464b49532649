import {nginxRegExp} from './nginx-regex.js';

export type RefererVerdict = {
	/** What `$invalid_referer` holds: `''` when valid, `'1'` otherwise. */
	readonly invalidReferer: '' | '1';
	/** The `valid_referers` entry that accepted it, when one did. */
	readonly matchedBy?: string;
	/** Why, in words. */
	readonly reason: string;
};

/**
Evaluates `valid_referers` for a Referer value as ngx_http_referer_module does: `none` (no header),
`blocked` (a value not starting with http:// or https://), `server_names`, host names with a leading or
trailing `*` and an optional URI prefix (port ignored), and `~regex` against the text after the scheme.
Matching is case-insensitive.
*/
export function evaluateReferer(
	entries: readonly string[],
	referer: string | undefined,
	serverNames: readonly string[],
): RefererVerdict {
	if (referer === undefined || referer === '') {
		return entries.includes('none')
			? {invalidReferer: '', matchedBy: 'none', reason: 'no Referer was sent and "none" is allowed'}
			: {invalidReferer: '1', reason: 'no Referer was sent and "none" is not in valid_referers'};
	}

	const scheme = /^https?:\/\//i.exec(referer);
	if (!scheme) {
		return entries.includes('blocked')
			? {invalidReferer: '', matchedBy: 'blocked', reason: 'the Referer has no http(s) scheme and "blocked" is allowed'}
			: {invalidReferer: '1', reason: 'the Referer does not start with http:// or https:// and "blocked" is not in valid_referers'};
	}

	const rest = referer.slice(scheme[0].length);
	const hostEnd = rest.search(/[/:]/);
	const host = (hostEnd === -1 ? rest : rest.slice(0, hostEnd)).toLowerCase();
	const afterHost = hostEnd === -1 ? '' : rest.slice(hostEnd);
	const candidates = entries.flatMap(entry => (entry === 'server_names' ? serverNames.filter(name => !name.startsWith('~')) : [entry]));

	for (const entry of candidates) {
		if (entry === 'none' || entry === 'blocked') {
			continue;
		}

		if (entry.startsWith('~')) {
			if (nginxRegExp(entry.slice(1), true)?.test(rest)) {
				return {invalidReferer: '', matchedBy: entry, reason: `the Referer matches ${entry}`};
			}

			continue;
		}

		const slash = entry.indexOf('/');
		const name = (slash === -1 ? entry : entry.slice(0, slash)).toLowerCase();
		const uriPrefix = slash === -1 ? undefined : entry.slice(slash);
		if (hostMatches(name, host) && (uriPrefix === undefined || afterHost.startsWith(uriPrefix))) {
			return {invalidReferer: '', matchedBy: entry, reason: `the Referer host ${host} is allowed by "${entry}"`};
		}
	}

	return {invalidReferer: '1', reason: `the Referer host ${host} matches no valid_referers entry`};
}

function hostMatches(name: string, host: string): boolean {
	if (name.startsWith('*.')) {
		return host.endsWith(name.slice(1));
	}

	if (name.startsWith('.')) {
		return host === name.slice(1) || host.endsWith(name);
	}

	if (name.endsWith('.*')) {
		return host.startsWith(name.slice(0, -1));
	}

	return host === name;
}
