import {headerValue} from './headers.js';
import type {Finding, ResponseView} from './types.js';

/** Beyond this difference between the server's clock and ours, time-limited signatures start to fail. */
export const clockSkewThresholdMs = 5 * 60_000;

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 9110 §5.6.7: IMF-fixdate, the obsolete RFC 850 form and asctime. All three are UTC by definition;
// `Date.parse` would read asctime as local time, so each form is matched explicitly.
const imfFixdate = /^[A-Za-z]{3},\s*(\d{1,2})[\s-]([A-Za-z]{3})[\s-](\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s*(?:GMT|UTC|\+0000|Z)?$/i;
const rfc850 = /^[A-Za-z]+,\s*(\d{1,2})-([A-Za-z]{3})-(\d{2})\s+(\d{2}):(\d{2}):(\d{2})\s*(?:GMT|UTC)?$/i;
const asctime = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$/;

/** Milliseconds since the epoch for an HTTP-date in any of its three forms, or undefined. Never throws. */
export function parseHttpDate(value: string | undefined): number | undefined {
	if (typeof value !== 'string' || value.length > 64) {
		return undefined;
	}

	const text = value.trim();
	let match = imfFixdate.exec(text);
	if (match) {
		return utc(match[3], match[2], match[1], match[4], match[5], match[6]);
	}

	match = rfc850.exec(text);
	if (match) {
		// Two-digit years: RFC 9110 says a year more than 50 years ahead belongs to the past century.
		const short = Number(match[3]);
		const year = short + (short < 70 ? 2000 : 1900);
		return utc(String(year), match[2], match[1], match[4], match[5], match[6]);
	}

	match = asctime.exec(text);
	if (match) {
		return utc(match[6], match[1], match[2], match[3], match[4], match[5]);
	}

	return undefined;
}

function utc(...parts: Array<string | undefined>): number | undefined {
	const [year, month, day, hour, minute, second] = parts;
	const monthIndex = months.indexOf((month ?? '').toLowerCase());
	if (monthIndex < 0) {
		return undefined;
	}

	const fields = [year, day, hour, minute, second].map(Number);
	const [y = Number.NaN, d = Number.NaN, h = Number.NaN, mi = Number.NaN, s = Number.NaN] = fields;
	if (d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
		return undefined;
	}

	const ms = Date.UTC(y, monthIndex, d, h, mi, Math.min(s, 59));
	return Number.isFinite(ms) ? ms : undefined;
}

/**
The server's idea of "now" when it answered: its `Date` plus any `Age` a cache added (a cached response keeps
the origin's old `Date`). Undefined when there is no valid `Date`.
*/
export function serverNow(view: ResponseView): number | undefined {
	const date = parseHttpDate(headerValue(view.headers ?? {}, 'date'));
	if (date === undefined) {
		return undefined;
	}

	const age = Number(headerValue(view.headers, 'age') ?? '0');
	return Number.isFinite(age) && age > 0 && age < 31_536_000 ? date + (age * 1000) : date;
}

/**
Server clock minus local clock, in ms (positive: the server is ahead). `now` defaults to `view.receivedAt`.
Undefined when the response has no valid `Date` or no local time is known. `Date` has one-second resolution,
so only differences of minutes mean anything.
*/
export function clockOffset(view: ResponseView, now: number | undefined = view.receivedAt): number | undefined {
	const server = serverNow(view);
	if (server === undefined || now === undefined || !Number.isFinite(now)) {
		return undefined;
	}

	return server - now;
}

/** A finding when the server's `Date` and the local clock differ by more than five minutes. */
export function readClock(view: ResponseView, now: number | undefined = view.receivedAt): Finding[] {
	const offset = clockOffset(view, now);
	if (offset === undefined || Math.abs(offset) <= clockSkewThresholdMs) {
		return [];
	}

	return [{
		code: 'clock.skew',
		text: `The server's clock (its Date header) is ${formatDuration(offset)} ${offset > 0 ? 'ahead of' : 'behind'} this computer's clock.`,
		// Weak on its own: only time-limited signatures and tokens care; their readers make it strong.
		supports: {'clock-skew': 0.2},
		mark: 'warn',
		data: {offsetMs: offset},
		fix: {
			visitor: ['Set this computer to take its time from the network (NTP), then try again.'],
			api: ['Sync the clock of the machine that signs or sends the request (NTP: `timedatectl set-ntp true`, or `chronyc makestep`).'],
			owner: ['Check that the server and any signing service keep time with NTP; a cached response can also carry an old Date.'],
		},
	}];
}

/** "3 h 5 min", "42 s", "2 days 4 h" — a rough, human length of time (sign ignored). */
export function formatDuration(ms: number): string {
	let seconds = Math.round(Math.abs(ms) / 1000);
	if (!Number.isFinite(seconds)) {
		return 'an unknown time';
	}

	if (seconds < 60) {
		return `${seconds} s`;
	}

	const days = Math.floor(seconds / 86_400);
	seconds -= days * 86_400;
	const hours = Math.floor(seconds / 3600);
	seconds -= hours * 3600;
	const minutes = Math.floor(seconds / 60);
	if (days > 0) {
		return hours > 0 ? `${days} ${days === 1 ? 'day' : 'days'} ${hours} h` : `${days} ${days === 1 ? 'day' : 'days'}`;
	}

	return hours > 0 ? (minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`) : `${minutes} min`;
}

/** ISO 8601 without milliseconds, e.g. `2026-11-25T10:00:00Z`; "an invalid date" when out of range. */
export function isoTime(ms: number): string {
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? 'an invalid date' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Where a moment falls relative to a validity window. */
export type TimeVerdict = 'valid' | 'expired' | 'not-yet-valid';

/** Validity window, ms since the epoch; either end may be open. */
export type TimeWindow = {readonly notBefore?: number; readonly expiresAt?: number};

/**
Judges `at` against `window`, forgiving `leewayMs` at the expiry end and `notBeforeLeewayMs` (default: the
same) at the start, as verifiers do.
*/
export function timeVerdict(at: number, window: TimeWindow, leewayMs = 0, notBeforeLeewayMs = leewayMs): TimeVerdict {
	if (window.expiresAt !== undefined && at > window.expiresAt + leewayMs) {
		return 'expired';
	}

	if (window.notBefore !== undefined && at < window.notBefore - notBeforeLeewayMs) {
		return 'not-yet-valid';
	}

	return 'valid';
}
