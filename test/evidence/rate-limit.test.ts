import http from 'node:http';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseRetryAfter, rateLimitSignal, readRateLimit} from '../../src/evidence/rate-limit.js';
import type {HeaderMap, ResponseView} from '../../src/evidence/types.js';
import {reply, startLoopback} from '../helpers/loopback.js';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const view = (status: number, headers: HeaderMap, body = ''): ResponseView => ({url: 'https://api.example.com/v1', method: 'GET', status, headers, body});
const codes = (reading: {findings: Array<{code: string}>}) => reading.findings.map(finding => finding.code);

describe('parseRetryAfter', () => {
	it.each([
		['120', 120_000],
		[' 0 ', 0],
		['1.5', 1500],
		['Wed, 25 Nov 2026 12:05:00 GMT', 300_000],
		['Wednesday, 25-Nov-26 12:00:30 GMT', 30_000],
		['Wed, 25 Nov 2026 11:00:00 GMT', 0],
		['soon', undefined],
		['-5', undefined],
		[undefined, undefined],
	])('reads %j', (value, expected) => {
		expect(parseRetryAfter(value, now)).toBe(expected);
	});

	it('never throws and never goes negative', () => {
		fc.assert(fc.property(fc.string(), fc.integer(), (value, at) => {
			const delay = parseRetryAfter(value, at);
			expect(delay === undefined || delay >= 0).toBe(true);
		}));
	});
});

describe('readRateLimit', () => {
	it('reads GitHub\'s primary limit: 403, remaining 0, epoch reset (GitHub REST docs)', () => {
		const headers = {'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '60', 'x-ratelimit-reset': String((now / 1000) + 1800), 'x-ratelimit-resource': 'core', 'x-github-request-id': 'CD84:1F2E:3B1A4:3E9C2:6564B2A1'};
		const body = '{"message":"API rate limit exceeded for 203.0.113.7. (But here\'s the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}';
		const reading = readRateLimit(view(403, headers, body), {now});
		expect(reading).toMatchObject({remaining: 0, limit: 60, resetAt: now + 1_800_000});
		expect(codes(reading)).toEqual(['rate-limit.github-primary', 'rate-limit.exhausted']);
		expect(reading.findings[0]?.text).toContain('resets at 2026-11-25T12:30:00Z (in 30 min)');
		expect(reading.findings[0]?.fix?.api?.join(' ')).toContain('5,000 requests an hour');
	});

	it('reads GitHub\'s secondary limit, which may come without headers', () => {
		const reading = readRateLimit(view(403, {}, '{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}'), {now});
		expect(reading.findings[0]?.supports).toEqual({'rate-limited': 0.9});
		expect(reading.findings[0]?.fix?.api?.[0]).toContain('at least a minute');
	});

	it('lets Retry-After win over the reset time', () => {
		const reading = readRateLimit(view(429, {'retry-after': 'Wed, 25 Nov 2026 12:02:00 GMT', 'x-ratelimit-reset': '3600'}), {now});
		expect(reading.retryAfterMs).toBe(120_000);
		expect(reading.resetAt).toBe(now + 3_600_000);
		expect(reading.findings[0]?.fix?.api?.[0]).toContain('Wait 2 min');
	});

	it.each([
		// draft-ietf-httpapi-ratelimit-headers-11: named policies, the tightest decides.
		['draft 11', {'ratelimit-policy': '"burst";q=100;w=60,"daily";q=1000;w=86400', ratelimit: '"daily";r=900;t=40000, "burst";r=0;t=30'}, {remaining: 0, limit: 100, windowSeconds: 60, resetAt: now + 30_000}],
		// Draft 07 dictionary form.
		['draft 07', {ratelimit: 'limit=100, remaining=0, reset=50', 'ratelimit-policy': '100;w=60'}, {remaining: 0, limit: 100, windowSeconds: 60, resetAt: now + 50_000}],
		// Drafts up to 06, as express-rate-limit sends with standardHeaders: 'draft-6'.
		['draft 06', {'ratelimit-policy': '10;w=60', 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'ratelimit-reset': '7'}, {remaining: 0, limit: 10, resetAt: now + 7000}],
		// X-RateLimit-Reset as a delta (small number).
		['x-ratelimit delta', {'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '42'}, {remaining: 0, limit: 100, resetAt: now + 42_000}],
	])('reads the %s syntax', (_name, headers, expected) => {
		const reading = readRateLimit(view(403, headers), {now});
		expect(reading).toMatchObject(expected);
		expect(codes(reading)).toEqual(['rate-limit.exhausted']);
	});

	it('argues against a rate limit when requests are left', () => {
		const reading = readRateLimit(view(403, {'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4990'}, '{"message":"Resource not accessible by integration"}'), {now});
		expect(reading.findings).toEqual([expect.objectContaining({code: 'rate-limit.headroom', supports: {'rate-limited': -0.6}})]);
	});

	it('takes Retry-After on a 403 as a hint, and says nothing about plain 403s', () => {
		expect(readRateLimit(view(403, {'retry-after': '60'}), {now}).findings[0]?.supports).toEqual({'rate-limited': 0.4});
		expect(readRateLimit(view(403, {server: 'nginx'}, '<h1>403 Forbidden</h1>'), {now}).findings).toEqual([]);
	});

	it('never throws on arbitrary header values and bodies', () => {
		const name = fc.constantFrom('retry-after', 'ratelimit', 'ratelimit-policy', 'ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-remaining');
		fc.assert(fc.property(fc.dictionary(name, fc.string()), fc.string(), fc.constantFrom(403, 429, 503), (headers, body, status) => {
			const sample = view(status, headers, body);
			expect(Array.isArray(readRateLimit(sample, {now}).findings)).toBe(true);
			expect(typeof rateLimitSignal(sample)).toBe('boolean');
		}));
	});
});

describe('rateLimitSignal', () => {
	it.each([
		[view(429, {}), true],
		[view(403, {'x-ratelimit-remaining': '0'}), true],
		[view(403, {}, '{"message":"You have exceeded a secondary rate limit"}'), true],
		[view(503, {'retry-after': '30'}), true],
		[view(403, {'x-ratelimit-remaining': '12'}), false],
		[view(403, {}, 'Access denied'), false],
		[view(200, {'x-ratelimit-remaining': '0'}), false],
	])('%#', (sample, expected) => {
		expect(rateLimitSignal(sample)).toBe(expected);
	});

	it('fires on a real 429 from a server', async () => {
		const server = await startLoopback(reply(429, {'retry-after': '3', 'ratelimit-policy': '"default";q=5;w=10', ratelimit: '"default";r=0;t=3', 'content-type': 'text/plain'}, 'Too many requests, please try again later.'));
		try {
			const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
				http.get(server.origin, resolve).on('error', reject);
			});
			response.resume();
			const headers: HeaderMap = {};
			for (const [key, value] of Object.entries(response.headers)) {
				if (value !== undefined) {
					headers[key] = value;
				}
			}

			const received = {...view(response.statusCode ?? 0, headers), url: server.origin};
			expect(rateLimitSignal(received)).toBe(true);
			expect(readRateLimit(received, {now})).toMatchObject({retryAfterMs: 3000, remaining: 0, limit: 5, windowSeconds: 10});
		} finally {
			await server.close();
		}
	});
});
