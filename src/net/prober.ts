import http from 'node:http';
import https from 'node:https';
import {performance} from 'node:perf_hooks';
import {createBudget} from './budget.js';
import {classifyError} from './classify-error.js';
import {createLimiter} from './limiter.js';
import type {ProbeFailure, ProbeRecord, ProbeRequest} from './probe-types.js';
import {outcomeFields} from './probe-record.js';
import {nextHop, type Hop} from './redirects.js';
import {createRetryGate} from './retry-gate.js';
import {sendOnce, type HopOutcome, type SendSettings} from './send-once.js';
import {toCurl} from './to-curl.js';

export {retryAfterWaitLimitMs} from './retry-gate.js';

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
	/** Trusted CA certificates (PEM) instead of Node's bundled list, for a private CA (curl's `--cacert`). */
	readonly ca?: readonly string[];
	/** Clock for `startedAt`, `ms` and Retry-After, in epoch ms. Default Date.now. */
	readonly now?: () => number;
};

/** Sends probes politely; see createProber. */
export type Prober = {
	/** Sends a probe, following redirects, and reports what came back. Never rejects: trouble goes in `failure`. */
	send(request: ProbeRequest, signal?: AbortSignal): Promise<ProbeRecord>;
	/** Requests still allowed to an origin (or to the origin of a URL). */
	remaining(origin: string): number;
	/** Until when (epoch ms) the host of this origin asked us to wait with a Retry-After, while that runs. */
	blockedUntil(origin: string): number | undefined;
	/** Requests sent so far, redirect hops included. */
	sent(): number;
};

/**
The only way fix403 talks to a target. Politeness: at most `maxRequests` per origin (a probe over budget is
not sent and fails with `budget`), at most `concurrency` in flight, and nothing to a host whose Retry-After
(from a 429 or 503) still runs — a hold under 2 s is waited out, a longer one fails with `budget`. Hostile
answers are bounded: body and decoded body capped, redirects followed hop by hop (browser method rules,
credentials kept to their origin, at most `maxRedirects`), one deadline for the whole probe.
*/
export function createProber(options: ProberOptions): Prober {
	const maxRequests = options.maxRequests ?? 12;
	const maxRedirects = options.maxRedirects ?? 10;
	const bodyCap = options.bodyCap ?? 256 * 1024;
	const now = options.now ?? Date.now;
	const budget = createBudget(maxRequests);
	const gate = createRetryGate(now);
	const limiter = createLimiter(options.concurrency ?? 4);
	const settings: Omit<SendSettings, 'timeoutMs' | 'signal'> = {
		wireCap: bodyCap,
		decodedCap: options.decompressedCap ?? bodyCap,
		insecure: options.insecure,
		// No keep-alive: every probe is a fresh connection, as a first visit is.
		agents: {http: new http.Agent({keepAlive: false}), https: new https.Agent({keepAlive: false})},
		...(options.ca ? {ca: options.ca} : {}),
	};

	/** Sends the hops of one probe until an answer that is not a redirect, or a reason to stop. */
	async function walk(first: Hop, visited: string[], signal: AbortSignal | undefined): Promise<{last?: HopOutcome; failure?: ProbeFailure}> {
		const deadline = performance.now() + options.timeoutMs;
		let hop = first;
		let last: HopOutcome | undefined;
		for (;;) {
			const target = new URL(hop.url);
			// eslint-disable-next-line no-await-in-loop
			const held = await gate.pass(target, signal);
			if (held) {
				return {...(last ? {last} : {}), failure: held};
			}

			if (!budget.take(target.origin)) {
				return {...(last ? {last} : {}), failure: {code: 'budget', message: `Not sent: the ${maxRequests} requests allowed to ${target.origin} in this session are used up (--max-requests).`}};
			}

			visited.push(hop.url);
			// eslint-disable-next-line no-await-in-loop
			last = await sendOnce(hop, {...settings, timeoutMs: deadline - performance.now(), ...(signal ? {signal} : {})});
			gate.note(target, last.head);
			if (last.error !== undefined) {
				return {last, failure: classifyError(last.error, {
					host: target.host,
					connected: last.timings?.['tcp'] !== undefined,
					midBody: last.head !== undefined,
					handshakeKeysSeen: last.handshakeKeysSeen,
					timeoutMs: options.timeoutMs,
				})};
			}

			const {head} = last;
			if (head?.location === undefined) {
				return last.body?.decodeError === undefined
					? {last}
					: {last, failure: {code: 'invalid-http', message: 'The body does not decode as its Content-Encoding says; what decoded is kept.'}};
			}

			if (visited.length > maxRedirects) {
				return {last, failure: {code: 'redirect-loop', message: `Stopped after ${maxRedirects} redirects (the last: ${head.status} to ${head.location}); the chain loops or is too long.`}};
			}

			const next = nextHop(hop, head.status, head.location);
			if ('problem' in next) {
				return {last, failure: {code: 'other', message: next.problem}};
			}

			hop = next;
		}
	}

	async function send(request: ProbeRequest, signal?: AbortSignal): Promise<ProbeRecord> {
		const startedAt = now();
		const headers = request.headers.some(([name]) => name.toLowerCase() === 'user-agent')
			? request.headers
			: [...request.headers, ['User-Agent', options.userAgent] as const];
		const visited: string[] = [];
		const record = ({last, failure}: {last?: HopOutcome; failure?: ProbeFailure}): ProbeRecord => ({
			id: request.id,
			label: request.label,
			method: request.method,
			url: request.url,
			requestHeaders: headers,
			curl: toCurl({...request, headers}, {insecure: options.insecure, maxRedirects}),
			headers: {},
			body: '',
			bodyTruncated: false,
			...outcomeFields(last),
			redirects: visited.length > 1 ? visited : [],
			startedAt,
			ms: Math.max(0, now() - startedAt),
			...(failure ? {failure} : {}),
		});

		if (!URL.canParse(request.url) || !/^https?:$/.test(new URL(request.url).protocol)) {
			return record({failure: {code: 'other', message: `Not an http(s) URL: ${request.url}`}});
		}

		const release = await limiter.acquire(signal);
		if (!release) {
			return record({failure: {code: 'aborted', message: 'Cancelled before it was sent.'}});
		}

		try {
			const first: Hop = {method: request.method, url: new URL(request.url).href, headers, ...(request.body === undefined ? {} : {body: request.body})};
			return record(await walk(first, visited, signal));
		} catch (error) {
			// A bug, not the network: still a record, so that one probe cannot take the session down.
			return record({failure: {code: 'other', message: `The probe failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`}});
		} finally {
			release();
		}
	}

	return {
		send,
		remaining: origin => budget.remaining(URL.canParse(origin) ? new URL(origin).origin : origin),
		blockedUntil: origin => gate.until(URL.canParse(origin) ? new URL(origin).hostname : origin),
		sent: () => budget.spent(),
	};
}
