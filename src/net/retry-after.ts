import {parseRetryAfter} from '../evidence/rate-limit.js';

/**
When a `Retry-After` value (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) lets the client try again, in
epoch ms; undefined when the value is malformed or already past. `now` is the local clock in epoch ms. The
parsing is the rate-limit reader's, so the prober holds off exactly as long as the report says.
*/
export function retryAfterUntil(value: string | undefined, now: number): number | undefined {
	const delay = parseRetryAfter(value, now);
	return delay === undefined || delay <= 0 ? undefined : now + delay;
}
