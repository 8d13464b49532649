import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {clockOffset, formatDuration, isoTime, parseHttpDate, readClock, timeVerdict} from '../../src/evidence/clock.js';
import type {ResponseView} from '../../src/evidence/types.js';

const view = (headers: Record<string, string>, receivedAt?: number): ResponseView => ({
	url: 'https://example.com/', method: 'GET', status: 403, headers, body: '', ...(receivedAt === undefined ? {} : {receivedAt}),
});

describe('parseHttpDate', () => {
	// The three forms of RFC 9110 §5.6.7, with its own example instant.
	it.each([
		['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
		['Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
		['Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
		['Thu, 13 Jun 2019 09:22:53 GMT', Date.UTC(2019, 5, 13, 9, 22, 53)],
	])('reads %s as UTC', (text, expected) => {
		expect(parseHttpDate(text)).toBe(expected);
	});

	it.each(['', 'yesterday', '2019-06-13T09:22:53Z', 'Thu, 13 Foo 2019 09:22:53 GMT', 'Thu, 32 Jun 2019 09:22:53 GMT', '120'])('rejects %j', text => {
		expect(parseHttpDate(text)).toBeUndefined();
	});

	it('never throws on arbitrary text', () => {
		fc.assert(fc.property(fc.string(), text => {
			const parsed = parseHttpDate(text);
			expect(parsed === undefined || Number.isFinite(parsed)).toBe(true);
		}));
	});
});

describe('clockOffset and readClock', () => {
	const received = Date.UTC(2026, 10, 25, 10, 0, 0);

	it('measures the server clock against the receive time, counting a cache\'s Age', () => {
		expect(clockOffset(view({date: 'Wed, 25 Nov 2026 10:00:30 GMT'}, received))).toBe(30_000);
		// A CDN served a copy the origin dated 10 minutes earlier and says it is 600 s old.
		expect(clockOffset(view({date: 'Wed, 25 Nov 2026 09:50:00 GMT', age: '600'}, received))).toBe(0);
		expect(clockOffset(view({date: 'Wed, 25 Nov 2026 09:50:00 GMT'}), received)).toBe(-600_000);
	});

	it('is undefined without a valid Date or a local time', () => {
		expect(clockOffset(view({}, received))).toBeUndefined();
		expect(clockOffset(view({date: 'soon'}, received))).toBeUndefined();
		expect(clockOffset(view({date: 'Wed, 25 Nov 2026 10:00:30 GMT'}))).toBeUndefined();
	});

	it('reports only differences beyond five minutes, weakly', () => {
		expect(readClock(view({date: 'Wed, 25 Nov 2026 10:04:00 GMT'}, received))).toEqual([]);
		const [finding] = readClock(view({date: 'Wed, 25 Nov 2026 10:17:00 GMT'}, received));
		expect(finding?.code).toBe('clock.skew');
		expect(finding?.text).toContain('17 min ahead');
		expect(finding?.supports?.['clock-skew']).toBeLessThan(0.5);
		expect(readClock(view({date: 'Wed, 25 Nov 2026 08:00:00 GMT'}, received))[0]?.text).toContain('2 h behind');
	});
});

describe('helpers', () => {
	it.each([[42_000, '42 s'], [3_900_000, '1 h 5 min'], [7_200_000, '2 h'], [-300_000, '5 min'], [2 * 86_400_000 + 4 * 3_600_000, '2 days 4 h'], [Number.NaN, 'an unknown time']])('formatDuration(%d) = %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});

	it('formats ISO times and judges windows', () => {
		expect(isoTime(0)).toBe('1970-01-01T00:00:00Z');
		expect(isoTime(Number.POSITIVE_INFINITY)).toBe('an invalid date');
		expect(timeVerdict(100, {expiresAt: 50})).toBe('expired');
		expect(timeVerdict(100, {expiresAt: 50}, 60)).toBe('valid');
		expect(timeVerdict(100, {notBefore: 200})).toBe('not-yet-valid');
		expect(timeVerdict(100, {notBefore: 200}, 0, 150)).toBe('valid');
	});
});
