import {formatDuration, isoTime, parseHttpDate} from './clock.js';
import {headerValue} from './headers.js';
import type {Finding, ResponseView} from './types.js';

/** What a response says about rate limiting; times in ms. */
export type RateLimitReading = {
	/** How long to wait, from `Retry-After` (seconds or HTTP-date). */
	readonly retryAfterMs?: number;
	readonly remaining?: number;
	readonly limit?: number;
	/** When the quota resets (ms since the epoch). */
	readonly resetAt?: number;
	/** The quota's window in seconds, from a policy (`w=`). */
	readonly windowSeconds?: number;
	readonly findings: Finding[];
};

const maxDelayMs = 366 * 86_400_000;

/**
`Retry-After` (RFC 9110 §10.2.3) as a delay in ms from `now`: delay-seconds or an HTTP-date (a date in the
past means 0). Undefined when absent or unreadable. Never throws.
*/
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	if (typeof value !== 'string' || value.length > 64) {
		return undefined;
	}

	const text = value.trim();
	if (/^\d{1,12}(?:\.\d+)?$/.test(text)) {
		return Math.min(Math.round(Number(text) * 1000), maxDelayMs);
	}

	const date = parseHttpDate(text);
	return date === undefined || !Number.isFinite(now) ? undefined : Math.min(Math.max(0, date - now), maxDelayMs);
}

/** Splits a structured-field list on commas and semicolons outside quoted strings. */
function members(value: string): Array<{head: string; params: Map<string, string>}> {
	const result: Array<{head: string; params: Map<string, string>}> = [];
	for (const member of splitOutsideQuotes(value.slice(0, 4096), ',').slice(0, 32)) {
		const [head = '', ...rest] = splitOutsideQuotes(member, ';').map(part => part.trim());
		const params = new Map<string, string>();
		for (const part of rest) {
			const equals = part.indexOf('=');
			if (equals > 0) {
				params.set(part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim().replaceAll(/^"|"$/g, ''));
			}
		}

		result.push({head, params});
	}

	return result;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
	const parts: string[] = [];
	let current = '';
	let quoted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text.charAt(index);
		if (char === '\\' && quoted) {
			current += char + text.charAt(index + 1);
			index++;
			continue;
		}

		if (char === '"') {
			quoted = !quoted;
		}

		if (char === separator && !quoted) {
			parts.push(current);
			current = '';
		} else {
			current += char;
		}
	}

	parts.push(current);
	return parts;
}

const count = (text: string | undefined) => {
	const match = /^\s*(\d{1,15})(?:\.\d+)?\b/.exec(text ?? '');
	return match ? Number(match[1]) : undefined;
};

type Counters = {remaining?: number; limit?: number; resetSeconds?: number; windowSeconds?: number; policy?: string};

/** `RateLimit` / `RateLimit-Policy` in all three draft generations (draft-ietf-httpapi-ratelimit-headers). */
function ietfCounters(view: ResponseView): Counters {
	const counters: Counters = {};
	const rateLimit = headerValue(view.headers, 'ratelimit');
	if (rateLimit !== undefined) {
		const items = members(rateLimit);
		const dictionary = items.filter(item => /^(?:limit|remaining|reset)\s*=/i.test(item.head));
		if (dictionary.length > 0) {
			// Draft 07: `RateLimit: limit=100, remaining=50, reset=5`.
			for (const {head} of dictionary) {
				const [key = '', value] = head.split('=');
				const name = key.trim().toLowerCase();
				counters[name === 'reset' ? 'resetSeconds' : (name as 'limit' | 'remaining')] = count(value);
			}
		} else {
			// Draft 08+: `RateLimit: "default";r=50;t=30` — the most constrained policy decides.
			const tightest = items.filter(item => count(item.params.get('r')) !== undefined)
				.sort((a, b) => (count(a.params.get('r')) ?? 0) - (count(b.params.get('r')) ?? 0))[0];
			if (tightest) {
				counters.remaining = count(tightest.params.get('r'));
				counters.resetSeconds = count(tightest.params.get('t'));
				counters.policy = tightest.head.replaceAll('"', '');
			}
		}
	}

	const policy = headerValue(view.headers, 'ratelimit-policy');
	if (policy !== undefined) {
		const items = members(policy);
		// Draft 08+: `"default";q=100;w=10`; draft 07: `100;w=10`.
		const chosen = items.find(item => item.head.replaceAll('"', '') === counters.policy) ?? items[0];
		counters.limit ??= count(chosen?.params.get('q')) ?? count(chosen?.head);
		counters.windowSeconds = count(chosen?.params.get('w'));
	}

	// Drafts up to 06: three separate fields.
	counters.limit ??= count(headerValue(view.headers, 'ratelimit-limit'));
	counters.remaining ??= count(headerValue(view.headers, 'ratelimit-remaining'));
	counters.resetSeconds ??= count(headerValue(view.headers, 'ratelimit-reset'));
	return counters;
}

/** De-facto `X-RateLimit-*` (and Twitter's `X-Rate-Limit-*`); reset is epoch seconds at GitHub, a delta elsewhere. */
function vendorCounters(view: ResponseView, now: number): {remaining?: number; limit?: number; resetAt?: number} {
	const get = (suffix: string) => headerValue(view.headers, `x-ratelimit-${suffix}`) ?? headerValue(view.headers, `x-rate-limit-${suffix}`);
	const reset = count(get('reset'));
	let resetAt: number | undefined;
	if (reset !== undefined) {
		resetAt = reset > 1e12 ? reset : (reset > 1e9 ? reset * 1000 : now + (reset * 1000));
	}

	return {remaining: count(get('remaining')), limit: count(get('limit')), ...(resetAt === undefined ? {} : {resetAt})};
}

const githubPrimary = /API rate limit exceeded/i;
const githubSecondary = /secondary rate limit|abuse detection mechanism/i;
const genericText = /rate[ -]?limit(?:ed| exceeded)|too many requests|you are being rate limited|request quota exceeded|throttled/i;

function bodyKind(body: string): 'github-primary' | 'github-secondary' | 'generic' | undefined {
	const text = typeof body === 'string' ? body.slice(0, 65_536) : '';
	if (githubSecondary.test(text)) {
		return 'github-secondary';
	}

	if (githubPrimary.test(text)) {
		return 'github-primary';
	}

	return genericText.test(text) ? 'generic' : undefined;
}

/**
True when the response says "slow down": 429, a spent quota, a rate-limit body on a 403, or `Retry-After` on a
403/503. The engine stops sending probes to the host when it is.
*/
export function rateLimitSignal(view: ResponseView): boolean {
	try {
		if (view.status === 429) {
			return true;
		}

		const remaining = ietfCounters(view).remaining ?? vendorCounters(view, 0).remaining;
		const retryAfter = headerValue(view.headers, 'retry-after') !== undefined;
		return (view.status >= 400 && remaining === 0)
			|| (view.status === 403 && bodyKind(view.body) !== undefined)
			|| ((view.status === 403 || view.status === 503) && retryAfter);
	} catch {
		return false;
	}
}

/**
Reads `Retry-After`, the IETF `RateLimit` fields (all drafts), `X-RateLimit-*` and GitHub's rate-limit bodies.
429, or a 403 with no requests left or a rate-limit body, is `rate-limited`; a 403 with requests left argues
against it. Never throws.
*/
export function readRateLimit(view: ResponseView, options: {readonly now: number}): RateLimitReading {
	try {
		return read(view, options.now);
	} catch {
		return {findings: []};
	}
}

function read(view: ResponseView, now: number): RateLimitReading {
	const retryAfterMs = parseRetryAfter(headerValue(view.headers, 'retry-after'), now);
	const ietf = ietfCounters(view);
	const other = vendorCounters(view, now);
	const remaining = ietf.remaining ?? other.remaining;
	const limit = ietf.limit ?? other.limit;
	const resetAt = ietf.resetSeconds === undefined ? other.resetAt : now + (ietf.resetSeconds * 1000);
	const kind = bodyKind(view.body);
	const github = kind?.startsWith('github') === true || headerValue(view.headers, 'x-github-request-id') !== undefined;
	const reading = {
		...(retryAfterMs === undefined ? {} : {retryAfterMs}),
		...(remaining === undefined ? {} : {remaining}),
		...(limit === undefined ? {} : {limit}),
		...(resetAt === undefined ? {} : {resetAt}),
		...(ietf.windowSeconds === undefined ? {} : {windowSeconds: ietf.windowSeconds}),
	};
	// Retry-After wins over the reset time (REFERENCE §2.6); GitHub asks for a minute when it gives neither.
	const wait = retryAfterMs ?? (resetAt === undefined ? undefined : Math.max(0, resetAt - now));
	const when = [
		retryAfterMs === undefined ? undefined : `Retry-After asks for ${formatDuration(retryAfterMs)}`,
		remaining === undefined ? undefined : `${remaining}${limit === undefined ? '' : ` of ${limit}`} requests left`,
		resetAt === undefined ? undefined : `the quota resets at ${isoTime(resetAt)}${resetAt > now ? ` (in ${formatDuration(resetAt - now)})` : ''}`,
	].filter(Boolean).join('; ');
	const fix = {
		api: [
			wait === undefined ? 'Back off for at least a minute, doubling the wait on each further refusal.' : `Wait ${formatDuration(wait)} before the next request; honour Retry-After first, then the reset time.`,
			...(github ? ['Authenticate: GitHub allows 5,000 requests an hour with a token against 60 without; for secondary limits, slow down and avoid concurrent requests.'] : []),
		],
		visitor: ['Wait a few minutes and try again; stop scripts, extensions or tabs that reload the site.'],
		owner: ['If legitimate clients reach the limit, raise it or exempt them (by API key or address) in the rate-limiting rule.'],
	};
	const data = {...reading, body: kind};
	const findings: Finding[] = [];
	const limited = (code: string, text: string, weight: number) => {
		findings.push({code: `rate-limit.${code}`, text: when ? `${text} (${when}).` : `${text}.`, supports: {'rate-limited': weight}, mark: 'fail', fix, data});
	};

	if (view.status === 429) {
		limited('429', 'The server answered 429 Too Many Requests', 0.9);
	}

	if (kind === 'github-primary' || kind === 'github-secondary') {
		limited(kind, `GitHub says the ${kind === 'github-primary' ? 'primary' : 'secondary'} rate limit was exceeded`, 0.9);
	} else if (kind === 'generic' && view.status === 403) {
		limited('body', 'The 403 page talks about a rate limit', 0.5);
	}

	if (remaining === 0 && view.status >= 400) {
		limited('exhausted', `The rate-limit headers say no requests are left`, view.status === 429 ? 0.5 : 0.85);
	} else if (view.status === 403 && retryAfterMs !== undefined && kind === undefined) {
		limited('retry-after', 'The 403 carries Retry-After, which suggests a temporary block', 0.4);
	}

	if (findings.length === 0 && remaining !== undefined && remaining > 0 && view.status === 403) {
		findings.push({code: 'rate-limit.headroom', text: `The rate-limit headers show ${remaining}${limit === undefined ? '' : ` of ${limit}`} requests left, so this 403 is not a rate limit.`, supports: {'rate-limited': -0.6}, mark: 'ok', data});
	}

	return {...reading, findings};
}
