import {expect, test} from 'vitest';
import {retryAfterUntil} from '../../src/net/retry-after.js';

const now = Date.parse('2026-11-25T12:00:00Z');

// Forms from RFC 9110 §10.2.3 ("Retry-After: Fri, 31 Dec 1999 23:59:59 GMT", "Retry-After: 120") and §5.6.7
// (the obsolete RFC 850 and asctime date forms a recipient must accept).
test.each([
	['120', now + 120_000],
	[' 1 ', now + 1000],
	['Wed, 25 Nov 2026 12:05:00 GMT', Date.parse('2026-11-25T12:05:00Z')],
	['Wednesday, 25-Nov-26 12:05:00 GMT', Date.parse('2026-11-25T12:05:00Z')],
	['Wed Nov 25 12:05:00 2026', Date.parse('2026-11-25T12:05:00Z')],
	['0', undefined],
	['Wed, 25 Nov 2026 11:00:00 GMT', undefined],
	['-5', undefined],
	// Not RFC syntax, but some servers send it; holding off 1.5 s is the polite reading.
	['1.5', now + 1500],
	['soon', undefined],
	['2026-11-25', undefined],
	['', undefined],
	[undefined, undefined],
])('Retry-After %j → %s', (value, expected) => {
	expect(retryAfterUntil(value, now)).toBe(expected);
});
