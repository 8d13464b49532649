import {nginxRegExp} from './nginx-regex.js';

/** How a `server_name` matched, in nginx's order of precedence. */
export type NameMatchKind = 'exact' | 'leading-wildcard' | 'trailing-wildcard' | 'regex';

export type NameMatch = {readonly index: number; readonly name: string; readonly kind: NameMatchKind};

/**
Picks the server whose names match `host` the way nginx does (docs "Server names"): an exact name, else
the longest wildcard starting with `*` (or the `.example.org` form), else the longest wildcard ending with
`*`, else the first matching regular expression in config order.
*/
export function matchServerName(host: string, servers: ReadonlyArray<readonly string[]>): NameMatch | undefined {
	const wanted = host.toLowerCase().replace(/\.$/, '');
	let leading: (NameMatch & {length: number}) | undefined;
	let trailing: (NameMatch & {length: number}) | undefined;
	let regex: NameMatch | undefined;

	for (const [index, names] of servers.entries()) {
		for (const raw of names) {
			const name = raw.toLowerCase();
			if (name.startsWith('~')) {
				if (regex === undefined && nginxRegExp(raw.slice(1), true)?.test(wanted)) {
					regex = {index, name: raw, kind: 'regex'};
				}

				continue;
			}

			if (name === wanted && !name.startsWith('.')) {
				return {index, name: raw, kind: 'exact'};
			}

			const suffix = name.startsWith('*.') ? name.slice(1) : name.startsWith('.') ? name : undefined;
			if (suffix !== undefined) {
				const matches = wanted.endsWith(suffix) || (name.startsWith('.') && wanted === name.slice(1));
				if (matches && (leading === undefined || suffix.length > leading.length)) {
					leading = {index, name: raw, kind: 'leading-wildcard', length: suffix.length};
				}

				continue;
			}

			if (name.endsWith('.*')) {
				const start = name.slice(0, -1);
				if (wanted.startsWith(start) && (trailing === undefined || start.length > trailing.length)) {
					trailing = {index, name: raw, kind: 'trailing-wildcard', length: start.length};
				}
			}
		}
	}

	const best = leading ?? trailing ?? regex;
	return best && {index: best.index, name: best.name, kind: best.kind};
}
