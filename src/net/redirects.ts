/** One request on the way: the original, or where a redirect led. */
export type Hop = {
	readonly method: string;
	readonly url: string;
	readonly headers: ReadonlyArray<readonly [string, string]>;
	readonly body?: string;
};

/** Statuses a browser follows when they carry a Location. */
export const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Credentials meant for one origin; a hop to another origin goes without them (and without a forced Host). */
const originBoundHeaders = new Set(['authorization', 'cookie', 'proxy-authorization', 'host']);

/** Headers that describe a body; they go when the body goes (Fetch standard, "request-body-header name"). */
const bodyHeaders = new Set(['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length', 'transfer-encoding']);

/**
The request a browser sends next after `status` with `location` (Fetch standard §4.4 "HTTP-redirect fetch"):
301/302 turn POST into GET, 303 turns anything but GET/HEAD into GET, both dropping the body; 307/308 keep
method and body. Leaving the origin drops Authorization, Cookie and Proxy-Authorization for good: Fetch removes
Authorization on a cross-origin redirect, and a Cookie header that the user handed us is theirs for one site.
Returns a sentence instead when the Location cannot be followed.
*/
export function nextHop(current: Hop, status: number, location: string): Hop | {readonly problem: string} {
	let target: URL;
	try {
		// Node hands header bytes over as latin1; servers send UTF-8 in Location.
		target = new URL(Buffer.from(location, 'latin1').toString('utf8'), current.url);
	} catch {
		return {problem: `The redirect's Location is not a valid URL: ${JSON.stringify(location.slice(0, 200))}.`};
	}

	if (target.protocol !== 'http:' && target.protocol !== 'https:') {
		return {problem: `The redirect leads to a ${target.protocol.replace(/:$/, '')}: URL, which is not followed.`};
	}

	target.hash = '';
	const method = current.method.toUpperCase();
	const toGet = ((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD');
	const crossOrigin = target.origin !== new URL(current.url).origin;
	const headers = current.headers.filter(([name]) => {
		const lower = name.toLowerCase();
		return !(crossOrigin && originBoundHeaders.has(lower)) && !(toGet && bodyHeaders.has(lower));
	});

	return {
		method: toGet ? 'GET' : current.method,
		url: target.href,
		headers,
		...(toGet || current.body === undefined ? {} : {body: current.body}),
	};
}
