import {setTimeout as sleep} from 'node:timers/promises';
import type {ProbeFailure} from './probe-types.js';
import {retryAfterUntil} from './retry-after.js';
import type {ResponseHead} from './send-once.js';

/** A Retry-After shorter than this is waited out; a longer one fails the probe with `budget`. */
export const retryAfterWaitLimitMs = 2000;

/** Keeps the Retry-After promises a prober has been asked for. */
export type RetryGate = {
	/** Before a request: undefined when it may go (after waiting out a short hold), else why not. */
	pass(target: URL, signal?: AbortSignal): Promise<ProbeFailure | undefined>;
	/** After an answer: a 429 or 503 with Retry-After holds its host. */
	note(target: URL, head: ResponseHead | undefined): void;
	/** The end of a hold on this host that is still running, in epoch ms. */
	until(host: string): number | undefined;
};

/**
Holds are kept per host name, not per origin: a rate limit applies to the host whatever scheme or port the
next request uses. An earlier end never shortens a longer hold.
*/
export function createRetryGate(now: () => number): RetryGate {
	const holds = new Map<string, number>();
	const until = (host: string): number | undefined => {
		const end = holds.get(host.toLowerCase());
		return end !== undefined && end > now() ? end : undefined;
	};

	return {
		async pass(target, signal) {
			const end = until(target.hostname);
			if (end === undefined) {
				return undefined;
			}

			const wait = end - now();
			if (wait >= retryAfterWaitLimitMs) {
				return {code: 'budget', message: `Not sent: ${target.host} asked to wait until ${new Date(end).toISOString()} (Retry-After, ${Math.ceil(wait / 1000)} s); fix403 sends it nothing before then.`};
			}

			try {
				await sleep(wait, undefined, signal ? {signal} : {});
			} catch {
				return {code: 'aborted', message: 'Cancelled while waiting for the Retry-After to pass.'};
			}

			return undefined;
		},
		note(target, head) {
			if (head?.status !== 429 && head?.status !== 503) {
				return;
			}

			const value = head.headers['retry-after'];
			const end = retryAfterUntil(Array.isArray(value) ? value[0] : value, now());
			if (end !== undefined) {
				const key = target.hostname.toLowerCase();
				holds.set(key, Math.max(holds.get(key) ?? 0, end));
			}
		},
		until,
	};
}
