import type {Finding} from '../../evidence/types.js';
import type {ClassifiedError} from './classify-error.js';
import type {PathFilter} from './path-match.js';

const maxExcerpt = 240;
const maxListed = 5;

function excerpt(message: string): string {
	const flat = message.replaceAll(/\s+/g, ' ').trim();
	return flat.length > maxExcerpt ? `${flat.slice(0, maxExcerpt - 1)}…` : flat;
}

function fixFor(last: ClassifiedError): Finding['fix'] {
	if (last.rule.id === 'modsecurity-block') {
		const id = last.match.detail?.['id'] ?? '<id>';
		return {owner: [
			`Look up rule ${id} in the ModSecurity audit log for this request; if it is a false positive, `
				+ `exclude it for this path only (\`SecRuleRemoveById ${id}\` in the matching location/<LocationMatch>), not ModSecurity as a whole.`,
		]};
	}

	return undefined;
}

function forPath(filter: PathFilter): string {
	const wanted = filter.urlPath ?? filter.fsPath;
	return wanted === undefined ? '' : ` for ${wanted}`;
}

/** Running tally of one kind of message: counts stay exact however many lines the log holds. */
export type ErrorGroup = {
	count: number;
	readonly first: ClassifiedError;
	last: ClassifiedError;
	readonly fsPaths: Set<string>;
	readonly urlPaths: Set<string>;
	readonly clients: Set<string>;
};

function remember(set: Set<string>, value: string | undefined): void {
	if (value !== undefined && set.size < maxListed) {
		set.add(value);
	}
}

/** Adds one recognised line to the tally of its rule. */
export function addToGroups(groups: Map<string, ErrorGroup>, match: ClassifiedError): void {
	let group = groups.get(match.rule.id);
	if (!group) {
		group = {count: 0, first: match, last: match, fsPaths: new Set(), urlPaths: new Set(), clients: new Set()};
		groups.set(match.rule.id, group);
	}

	group.count++;
	group.last = match;
	remember(group.fsPaths, match.match.fs);
	remember(group.urlPaths, match.match.url);
	remember(group.clients, match.entry.client);
}

function groupFinding(file: string, group: ErrorGroup, filter: PathFilter): Finding {
	const {first, last} = group;
	const {rule} = last;
	const server = last.entry.server === 'nginx' ? 'nginx' : 'Apache';
	const code = last.entry.ah === undefined ? '' : `${last.entry.ah}: `;
	const times = group.count === 1 ? 'once' : `${group.count} times`;
	const when = last.entry.time === undefined ? '' : `, last at ${last.entry.time.replace('T', ' ')}`;
	const strongest = Math.max(...Object.values(rule.supports));
	return {
		code: `error-log.${rule.id}`,
		text: `${server} error log: "${code}${excerpt(last.entry.message)}" — ${times}${forPath(filter)}${when} (line ${last.line}); ${rule.meaning}.`,
		supports: rule.supports,
		vendor: rule.vendor ?? last.entry.server,
		fix: fixFor(last),
		location: {file, line: last.line},
		mark: strongest >= 0.5 ? 'fail' : 'warn',
		data: {
			count: group.count,
			firstLine: first.line,
			lastLine: last.line,
			firstSeen: first.entry.time,
			lastSeen: last.entry.time,
			server: last.entry.server,
			ah: last.entry.ah,
			errno: last.entry.errno?.code,
			fsPaths: [...group.fsPaths],
			urlPaths: [...group.urlPaths],
			clients: [...group.clients],
			...last.match.detail,
		},
	};
}

/**
One finding per kind of recognised message (grouped, most recent occurrence as location), or one "nothing
found" finding. Silent 403s exist — nginx `return 403`, valid_referers, secure_link; Apache `RewriteRule
[F]` — so an empty result only mildly argues against the causes that always log.
*/
export function errorLogFindings(file: string, groups: ReadonlyMap<string, ErrorGroup>, filter: PathFilter, linesRead: number): Finding[] {
	if (groups.size === 0) {
		return [{
			code: linesRead === 0 ? 'error-log.empty' : 'error-log.no-match',
			text: linesRead === 0
				? `The error log ${file} has no lines in the part read.`
				: `No 403-related line${forPath(filter)} in the ${linesRead} lines read from ${file}; `
					+ 'deny rules like `return 403`, valid_referers, secure_link or RewriteRule [F] log nothing at the default level.',
			supports: linesRead === 0 ? undefined : {'file-permissions': -0.2, 'directory-index-missing': -0.2, 'symlink-blocked': -0.1},
			location: {file},
			mark: 'info',
			data: {linesRead},
		}];
	}

	return [...groups.values()]
		.sort((a, b) => b.count - a.count)
		.map(group => groupFinding(file, group, filter));
}
