/**
When a `Retry-After` value (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) lets the client try again, in
epoch ms; undefined when the value is malformed or already past. `now` is the local clock in epoch ms.
*/
export function retryAfterUntil(value: string | undefined, now: number): number | undefined {
	const text = value?.trim();
	if (!text) {
		return undefined;
	}

	if (/^\d+$/.test(text)) {
		const seconds = Number(text);
		return seconds > 0 ? now + (seconds * 1000) : undefined;
	}

	// Only the date forms, never a bare number or free text that Date.parse happens to accept.
	if (!/^[A-Za-z]{3,9},? /.test(text)) {
		return undefined;
	}

	// HTTP dates are always GMT; the asctime form does not say so, and Date.parse would read it as local time.
	const date = Date.parse(/\bGMT$/i.test(text) ? text : `${text} GMT`);
	return Number.isFinite(date) && date > now ? date : undefined;
}
