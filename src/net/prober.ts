import http from 'node:http';
import https from 'node:https';
import {performance} from 'node:perf_hooks';
import {setTimeout as sleep} from 'node:timers/promises';
import {createBudget} from './budget.js';
import {classifyError} from './classify-error.js';
import {decodeText} from './decode-text.js';
import {createHostHolds} from './host-holds.js';
import {createLimiter} from './limiter.js';
import type {ProbeFailure, ProbeRecord, ProbeRequest} from './probe-types.js';
import {nextHop, type Hop} from './redirects.js';
import {retryAfterUntil} from './retry-after.js';
import {sendOnce, type HopOutcome} from './send-once.js';
import {toCurl} from './to-curl.js';

export type ProberOptions = {
	/** Requests per target origin in this prober's life, redirect hops included. Default 12. */
	readonly maxRequests?: number;
	/** Requests in flight at once, over all origins; the rest wait their turn. Default 4. */
	readonly concurrency?: number;
	/** Whole probe, redirects and body included. */
	readonly timeoutMs: number;
	/** Accept any certificate (curl's `-k`). */
	readonly insecure: boolean;
	/** Body bytes read off the wire; then the connection is closed. Default 256 KiB. */
	readonly bodyCap?: number;
	/** Decoded body bytes kept (a compression bomb stops here). Default: bodyCap. */
	readonly decompressedCap?: number;
	/** Redirects followed before failing with `redirect-loop`. Default 10. */
	readonly maxRedirects?: number;
	/** Sent when a probe sets no User-Agent, e.g. `fix403UserAgent`. */
	readonly userAgent: string;
	/** Trusted CA certificates (PEM) instead of Node's bundled list: a private CA (tests use one). */
	readonly ca?: readonly string[];
	/** Clock for `startedAt`, `ms` and Retry-After; epoch ms. */
	readonly now?: () => number;
};

/** Sends probes politely; see createProber. */
export type Prober = {
	/** Sends a probe (following redirects) and reports what came back. Never rejects: trouble goes in `failure`. */
	send(request: ProbeRequest, signal?: AbortSignal): Promise<ProbeRecord>;
	/** Requests still allowed to an origin (or to the origin of a URL). */
	remaining(origin: string): number;
	/** Until when (epoch ms) the host of this origin asked us to wait with a Retry-After, if that is still running. */
	blockedUntil(origin: string): number | undefined;
	/** Requests sent so far, redirect hops included. */
	sent(): number;
};

/** A Retry-After shorter than this is waited out; a longer one fails the probe with `budget`. */
export const retryAfterWaitLimitMs = 2000;

/**
Creates the only way fix403 talks to a target. Politeness: at most `maxRequests` per origin (a probe over
budget is not sent and fails with `budget`), at most `concurrency` in flight, and nothing to a host whose
Retry-After (from a 429 or 503) is still running — short waits (< 2 s) are waited out, longer ones fail with
`budget`. Hostile answers are bounded: body and decoded body capped, redirects policed hop by hop, total time
capped.
*/
export function createProber(options: ProberOptions): Prober {
	const maxRequests = options.maxRequests ?? 12;
	const maxRedirects = options.maxRedirects ?? 10;
	const bodyCap = options.bodyCap ?? 256 * 1024;
	const caps = {wireCap: bodyCap, decodedCap: options.decompressedCap ?? bodyCap};
	const now = options.now ?? Date.now;
	const budget = createBudget(maxRequests);
	const holds = createHostHolds();
	const limiter = createLimiter(options.concurrency ?? 4);
	// No keep-alive: every probe is a fresh connection, as the first visit of a browser or curl is.
	const agents = {http: new http.Agent({keepAlive: false}), https: new https.Agent({keepAlive: false})};

	async function send(request: ProbeRequest, signal?: AbortSignal): Promise<ProbeRecord> {
		const startedAt = now();
		const clock = performance.now();
		const headers = request.headers.some(([name]) => name.toLowerCase() === 'user-agent')
			? request.headers
			: [...request.headers, ['User-Agent', options.userAgent] as const];
		const base = {
			id: request.id,
			label: request.label,
			method: request.method,
			url: request.url,
			requestHeaders: headers,
			curl: toCurl({...request, headers}, {insecure: options.insecure, maxRedirects}),
			headers: {},
			body: '',
			bodyTruncated: false,
			redirects: [] as string[],
			startedAt,
		};
		const visited: string[] = [];
		let last: HopOutcome | undefined;
		const finish = (failure?: ProbeFailure): ProbeRecord => ({
			...base,
			...recordOfOutcome(last),
			redirects: visited.length > 1 ? visited : [],
			ms: Math.max(0, now() - startedAt),
			...(failure ? {failure} : {}),
		});

		if (!isHttpUrl(request.url)) {
			return finish({code: 'other', message: `Not an http(s) URL: ${request.url}`});
		}

		const release = await limiter.acquire(signal);
		if (!release) {
			return finish({code: 'aborted', message: 'Cancelled before it was sent.'});
		}

		try {
			let hop: Hop = {method: request.method, url: new URL(request.url).href, headers, ...(request.body === undefined ? {} : {body: request.body})};
			for (;;) {
				const target = new URL(hop.url);
				const held = await waitForHold(target, signal);
				if (held) {
					return finish(held);
				}

				if (!budget.take(target.origin)) {
					return finish({code: 'budget', message: `Not sent: the ${maxRequests} requests allowed to ${target.origin} in this session are used up (--max-requests).`});
				}

				visited.push(hop.url);
				const timeoutMs = options.timeoutMs - (performance.now() - clock);
				last = await sendOnce(hop, {...caps, timeoutMs, insecure: options.insecure, agents, ...(options.ca ? {ca: options.ca} : {}), ...(signal ? {signal} : {})});
				noteRetryAfter(target, last);
				if (last.error !== undefined) {
					return finish(classifyError(last.error, {host: target.host, connected: last.timings?.['tcp'] !== undefined, midBody: last.head !== undefined, handshakeKeysSeen: last.handshakeKeysSeen, timeoutMs: options.timeoutMs}));
				}

				const location = last.head?.location;
				if (location === undefined || !last.head) {
					return finish(last.body?.decodeError === undefined ? undefined : {code: 'invalid-http', message: `The body does not decode as its Content-Encoding says; what decoded is kept.`});
				}

				if (visited.length > maxRedirects) {
					return finish({code: 'redirect-loop', message: `Stopped after ${maxRedirects} redirects (the last: ${last.head.status} to ${location}); the chain loops or is too long.`});
				}

				const next = nextHop(hop, last.head.status, location);
				if ('problem' in next) {
					return finish({code: 'other', message: next.problem});
				}

				hop = next;
			}
		} finally {
			release();
		}
	}

	/** Waits out a short Retry-After of this host; returns a failure for a long one (or when cancelled). */
	async function waitForHold(target: URL, signal?: AbortSignal): Promise<ProbeFailure | undefined> {
		const until = holds.until(target.hostname, now());
		if (until === undefined) {
			return undefined;
		}

		const wait = until - now();
		if (wait >= retryAfterWaitLimitMs) {
			return {code: 'budget', message: `Not sent: ${target.host} asked to wait until ${new Date(until).toISOString()} (Retry-After, ${Math.ceil(wait / 1000)} s); fix403 sends it nothing before then.`};
		}

		try {
			await sleep(wait, undefined, signal ? {signal} : {});
		} catch {
			return {code: 'aborted', message: 'Cancelled while waiting for the Retry-After to pass.'};
		}

		return undefined;
	}

	function noteRetryAfter(target: URL, outcome: HopOutcome): void {
		const head = outcome.head;
		if (head && (head.status === 429 || head.status === 503)) {
			const value = head.headers['retry-after'];
			const until = retryAfterUntil(Array.isArray(value) ? value[0] : value, now());
			if (until !== undefined) {
				holds.hold(target.hostname, until);
			}
		}
	}

	return {
		send,
		remaining: origin => budget.remaining(originOf(origin)),
		blockedUntil: origin => holds.until(hostOf(origin), now()),
		sent: () => budget.spent(),
	};
}

function recordOfOutcome(outcome: HopOutcome | undefined): Partial<ProbeRecord> {
	if (!outcome?.head) {
		return outcome?.timings ? {timings: outcome.timings} : {};
	}

	const {head, body, timings} = outcome;
	const contentType = head.headers['content-type'];
	return {
		status: head.status,
		statusText: head.statusText,
		httpVersion: head.httpVersion,
		headers: head.headers,
		body: body ? decodeText(body.bytes, Array.isArray(contentType) ? contentType[0] : contentType) : '',
		bodyTruncated: body?.truncated ?? false,
		...(body ? {bodyBytes: body.wireBytes} : {}),
		...(timings ? {timings} : {}),
	};
}

function isHttpUrl(value: string): boolean {
	return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function originOf(value: string): string {
	return URL.canParse(value) ? new URL(value).origin : value;
}

function hostOf(value: string): string {
	return URL.canParse(value) ? new URL(value).hostname : value;
}
