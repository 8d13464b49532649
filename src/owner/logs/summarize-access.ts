import type {AccessLogEntry} from './parse-access-line.js';
import {urlPathOf} from './path-match.js';
import {type ClientKind, uaFamily} from './ua-family.js';

/**
Who gets the 403: `everyone` (many addresses, nobody succeeds), `one-address`, `one-client-kind` (one
non-browser User-Agent family such as curl or python-requests), `mixed` (some clients pass, others get 403),
`few` (too few requests to tell), `none` (no 403 for the path).
*/
export type AccessVerdict = 'none' | 'everyone' | 'one-address' | 'one-client-kind' | 'mixed' | 'few';

/** Counts for one client address or one User-Agent family. */
export type Tally = {readonly key: string; forbidden: number; passed: number; kind?: ClientKind};

/** What the access log says about 403s for one path (or for every path when none is given). */
export type AccessSummary = {
	readonly path?: string;
	/** Requests for the path (every request when no path). */
	readonly requests: number;
	readonly forbidden: number;
	/** 2xx/3xx answers for the path. */
	readonly passed: number;
	readonly statuses: Readonly<Record<string, number>>;
	readonly firstSeen?: string;
	readonly lastSeen?: string;
	/** Line numbers (within what was read) of the first and last 403. */
	readonly firstLine?: number;
	readonly lastLine?: number;
	/** 403s per hour, in the log's own offset, oldest first. */
	readonly perHour: ReadonlyArray<{readonly hour: string; readonly count: number}>;
	/** Top addresses and User-Agent families by 403 count (at most 10 each). */
	readonly byClient: readonly Tally[];
	readonly byUserAgent: readonly Tally[];
	readonly distinctForbiddenClients: number;
	/** True when addresses come from `X-Forwarded-For` (a proxy or CDN sits in front). */
	readonly forwarded: boolean;
	readonly verdict: AccessVerdict;
};

/** An access-log entry with the line it came from (within what was read). */
export type NumberedAccessEntry = {readonly entry: AccessLogEntry; readonly line: number};

/** Options of `summarizeAccessLog`. */
export type SummarizeOptions = {
	/** URL path; only requests for it count. */
	readonly path?: string;
	/** Distinct addresses from which 403s must come to call it `everyone` (default 3). */
	readonly everyoneMin?: number;
};

const top = 10;

function bump(map: Map<string, Tally>, key: string, forbidden: boolean, kind?: ClientKind): void {
	const tally = map.get(key) ?? {key, forbidden: 0, passed: 0, kind};
	if (forbidden) {
		tally.forbidden++;
	} else {
		tally.passed++;
	}

	map.set(key, tally);
}

function verdictOf(clients: Map<string, Tally>, families: Map<string, Tally>, forbidden: number, everyoneMin: number): AccessVerdict {
	const forbiddenClients = [...clients.values()].filter(tally => tally.forbidden > 0);
	const forbiddenFamilies = [...families.values()].filter(tally => tally.forbidden > 0);
	const someonePassed = [...clients.values()].some(tally => tally.passed > 0);
	if (forbidden === 0) {
		return 'none';
	}

	if (forbiddenClients.length === 1) {
		return 'one-address';
	}

	const [family] = forbiddenFamilies;
	if (forbiddenFamilies.length === 1 && family?.kind !== 'browser') {
		return 'one-client-kind';
	}

	if (someonePassed) {
		return 'mixed';
	}

	return forbiddenClients.length >= everyoneMin ? 'everyone' : 'few';
}

/** Summarises who got 403 for a path, when, and from what kind of client. Pure; entries in log order. */
export function summarizeAccessLog(entries: readonly NumberedAccessEntry[], options: SummarizeOptions = {}): AccessSummary {
	const wanted = options.path === undefined ? undefined : urlPathOf(options.path);
	const clients = new Map<string, Tally>();
	const families = new Map<string, Tally>();
	const hours = new Map<string, number>();
	const statuses: Record<string, number> = {};
	let requests = 0;
	let forbidden = 0;
	let passed = 0;
	let first: NumberedAccessEntry | undefined;
	let last: NumberedAccessEntry | undefined;
	let forwarded = false;
	for (const numbered of entries) {
		const {entry} = numbered;
		if (wanted !== undefined && (entry.target === undefined || urlPathOf(entry.target) !== wanted)) {
			continue;
		}

		requests++;
		statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
		const isForbidden = entry.status === 403;
		if (!isForbidden && (entry.status < 200 || entry.status >= 400)) {
			continue;
		}

		forwarded ||= entry.forwardedFor !== undefined;
		const family = uaFamily(entry.userAgent);
		bump(clients, entry.forwardedFor ?? entry.client, isForbidden);
		bump(families, family.family, isForbidden, family.kind);
		if (isForbidden) {
			forbidden++;
			first ??= numbered;
			last = numbered;
			hours.set(entry.hour, (hours.get(entry.hour) ?? 0) + 1);
		} else {
			passed++;
		}
	}

	const ranked = (map: Map<string, Tally>) => [...map.values()].sort((a, b) => b.forbidden - a.forbidden || b.passed - a.passed).slice(0, top);
	return {
		path: wanted,
		requests, forbidden, passed, statuses,
		firstSeen: first?.entry.time,
		lastSeen: last?.entry.time,
		firstLine: first?.line,
		lastLine: last?.line,
		perHour: [...hours].map(([hour, count]) => ({hour, count})).sort((a, b) => a.hour.localeCompare(b.hour)),
		byClient: ranked(clients),
		byUserAgent: ranked(families),
		distinctForbiddenClients: [...clients.values()].filter(tally => tally.forbidden > 0).length,
		forwarded,
		verdict: verdictOf(clients, families, forbidden, options.everyoneMin ?? 3),
	};
}
