import type {HarEntry} from './har-types.js';

/** How closely the successful entry matches the failing one. */
export type ReferenceMatch = 'url' | 'path' | 'host';

export type Reference = {readonly index: number; readonly match: ReferenceMatch};

/** How much a difference found against each kind of reference counts. */
export const matchStrength: Record<ReferenceMatch, number> = {url: 1, path: 0.8, host: 0.5};


type Candidate = {readonly index: number; readonly at: number};

/**
Builds the picker once per HAR (successes indexed by URL, path and host). For a failing entry it returns the
successful entry (2xx or 3xx) to compare with: same URL if one exists, else same path with another query, else
the same host; among equals the nearest in time, earlier first.
*/
export function createReferencePicker(entries: readonly HarEntry[]): (failureIndex: number) => Reference | undefined {
	const indexes = {url: new Map<string, Candidate[]>(), path: new Map<string, Candidate[]>(), host: new Map<string, Candidate[]>()};
	const keys = (url: URL): Record<ReferenceMatch, string> => ({url: url.href, path: url.origin + url.pathname, host: url.host});
	for (const [index, entry] of entries.entries()) {
		const url = entry.response.status >= 200 && entry.response.status < 400 ? parse(entry.request.url) : undefined;
		if (!url) {
			continue;
		}

		const candidate = {index, at: Date.parse(entry.startedDateTime)};
		for (const [match, key] of Object.entries(keys(url)) as Array<[ReferenceMatch, string]>) {
			const list = indexes[match].get(key);
			if (list) {
				list.push(candidate);
			} else {
				indexes[match].set(key, [candidate]);
			}
		}
	}

	return failureIndex => {
		const failure = entries[failureIndex]!;
		const target = parse(failure.request.url);
		if (!target) {
			return undefined;
		}

		const failedAt = Date.parse(failure.startedDateTime);
		for (const [match, key] of Object.entries(keys(target)) as Array<[ReferenceMatch, string]>) {
			const nearest = nearestInTime(indexes[match].get(key) ?? [], failureIndex, failedAt);
			if (nearest !== undefined) {
				return {index: nearest, match};
			}
		}

		return undefined;
	};
}

/** Earlier successes first ("it worked, then it stopped" is the usual story); unknown times last. */
function nearestInTime(candidates: readonly Candidate[], failureIndex: number, failedAt: number): number | undefined {
	let best: {index: number; distance: number} | undefined;
	for (const {index, at} of candidates) {
		if (index === failureIndex) {
			continue;
		}

		const distance = Number.isNaN(at) || Number.isNaN(failedAt) ? Number.MAX_SAFE_INTEGER : (at <= failedAt ? failedAt - at : (at - failedAt) * 2);
		if (!best || distance < best.distance) {
			best = {index, distance};
		}
	}

	return best?.index;
}

/** The URL without its fragment, or undefined when it does not parse. */
export function parse(url: string): URL | undefined {
	try {
		const parsed = new URL(url);
		parsed.hash = '';
		return parsed;
	} catch {
		return undefined;
	}
}
