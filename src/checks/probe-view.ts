import type {PrimaryResponse} from '../machine/context.js';
import type {ProbeRecord} from '../net/probe-types.js';

/** The response a probe got, as the evidence readers see it. Only for probes that got an answer. */
export function probeView(record: ProbeRecord): PrimaryResponse {
	return {
		source: 'probe',
		probeId: record.id,
		url: record.redirects.at(-1) ?? record.url,
		method: record.method,
		status: record.status ?? 0,
		headers: record.headers,
		body: record.body,
		requestHeaders: Object.fromEntries(record.requestHeaders.map(([name, value]) => [name.toLowerCase(), value])),
		receivedAt: record.startedAt + record.ms,
	};
}

/** "answered 403 Forbidden" / "got no answer: connection refused" */
export function describeOutcome(record: ProbeRecord): string {
	if (record.failure) {
		return `got no answer: ${record.failure.message}`;
	}

	return `answered ${record.status ?? '?'}${record.statusText ? ` ${record.statusText}` : ''}`;
}

const loginLike = /login|signin|sign-in|\/auth|challenge|captcha/i;

/** The probe was sent (or redirected) to a login or challenge page. */
export function endsAtLogin(record: ProbeRecord): boolean {
	const location = record.headers['location'];
	const target = Array.isArray(location) ? location[0] : location;
	return record.redirects.slice(1).some(url => loginLike.test(new URL(url).pathname)) || loginLike.test(target ?? '');
}

/** A 2xx, or a 3xx, that does not end at a login or challenge page. */
export function passes(record: ProbeRecord): boolean {
	const status = record.status;
	if (status === undefined || record.failure) {
		return false;
	}

	return status >= 200 && status < 400 && !endsAtLogin(record);
}
