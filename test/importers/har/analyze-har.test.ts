import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {readToken} from '../../../src/evidence/jwt.js';
import {analyzeHar, parseHar} from '../../../src/importers/har/index.js';

const load = (name: string) => parseHar(readFileSync(new URL(`../../fixtures/har/${name}`, import.meta.url), 'utf8')).har;

describe('analyzeHar', () => {
	test('Cloudflare challenge: the failing document becomes a view the readers can use', () => {
		const analysis = analyzeHar(load('chrome-cloudflare-challenge.har'));
		expect(analysis.entryCount).toBe(2);
		expect(analysis.failures).toHaveLength(1);
		const [failure] = analysis.failures;
		expect(failure!.entryIndex).toBe(0);
		expect(failure!.view).toMatchObject({url: 'https://shop.example.com/account', method: 'GET', status: 403});
		expect(failure!.view.headers['cf-mitigated']).toBe('challenge');
		expect(failure!.view.body).toContain('<title>Just a moment...</title>');
		expect(failure!.view.requestHeaders).not.toHaveProperty(':authority');
		expect(failure!.view.receivedAt).toBe(Date.parse('2026-11-25T10:00:00.000Z') + 88.2);
		// The only success is on another host: nothing to compare.
		expect(failure!.comparedWith).toBeUndefined();
		expect(failure!.findings.map(finding => finding.code)).toEqual(['har.entry', 'har.compare.no-success']);
	});

	test('hotlinked image: worked with its own site\'s Referer, failed with another site\'s', () => {
		const [failure] = analyzeHar(load('firefox-hotlinked-image.har')).failures;
		expect(failure!.entryIndex).toBe(1);
		expect(failure!.comparedWith).toBe(0);
		const referer = failure!.findings.find(finding => finding.code === 'har.compare.referer');
		expect(referer?.supports).toEqual({'hotlink-protection': 0.6});
		expect(referer?.text).toBe('The same URL loaded at 2026-11-25T09:58:00.500+00:00 (entry 1) with a Referer from https://images.example.com; the failing request came with a Referer from https://blog.other.example.');
		expect(failure!.view.body).toContain('<center><h1>403 Forbidden</h1></center>');
	});

	test('expired bearer JWT: the comparison points at the expiry, and the JWT reader can still read the claims', () => {
		const [failure] = analyzeHar(load('chrome-expired-jwt-api.har')).failures;
		expect(failure!.entryIndex).toBe(2);
		expect(failure!.comparedWith).toBe(1);
		expect(failure!.findings.find(finding => finding.code === 'har.compare.token-expired-between')).toMatchObject({
			supports: {'token-expired': 0.8},
			data: {exp: 1_795_599_000},
		});
		const authorization = failure!.view.requestHeaders!['authorization']!;
		expect(authorization).toMatch(/^Bearer eyJ[\w-]+\.eyJ[\w-]+\.$/);
		const reading = readToken(authorization, {now: failure!.view.receivedAt!});
		expect(reading.findings.map(finding => finding.code)).toContain('jwt.expired');
	});
});

describe('comparisons', () => {
	type Headers = Array<[string, string]>;
	const at = (minute: number) => `2026-11-25T10:${String(minute).padStart(2, '0')}:00.000Z`;
	const entry = (url: string, status: number, minute: number, headers: Headers, method = 'GET') => ({
		startedDateTime: at(minute),
		time: 5,
		request: {method, url, httpVersion: 'HTTP/1.1', cookies: [], headers: headers.map(([name, value]) => ({name, value})), queryString: [], headersSize: -1, bodySize: 0},
		response: {status, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: {size: 0, mimeType: 'text/plain'}, redirectURL: '', headersSize: -1, bodySize: 0},
		cache: {},
		timings: {send: 0, wait: 4, receive: 1},
	});
	const analyze = (...entries: unknown[]) => analyzeHar(parseHar(JSON.stringify({log: {version: '1.2', creator: {name: 't', version: '1'}, entries}})).har).failures[0]!;
	const codes = (failure: ReturnType<typeof analyze>) => failure.findings.map(finding => finding.code).filter(code => code !== 'har.entry');
	const ua: [string, string] = ['User-Agent', 'Mozilla/5.0'];

	test('Authorization present when it worked, absent when it failed', () => {
		const failure = analyze(entry('https://a.example/x', 200, 1, [ua, ['Authorization', 'Bearer opaque-token-123']]), entry('https://a.example/x', 403, 2, [ua]));
		expect(failure.findings.find(finding => finding.code === 'har.compare.authorization-missing')?.supports).toEqual({'missing-credentials': 0.7});
	});

	test('a different cookie value: session-expired / client-state', () => {
		const failure = analyze(entry('https://a.example/x', 200, 1, [ua, ['Cookie', 'sid=aaaaaaaaaaaa1111']]), entry('https://a.example/x', 403, 2, [ua, ['Cookie', 'sid=bbbbbbbbbbbb2222']]));
		expect(codes(failure)).toEqual(['har.compare.cookie-values-changed']);
		expect(failure.findings.find(finding => finding.code === 'har.compare.cookie-values-changed')?.supports).toEqual({'session-expired': 0.35, 'client-state': 0.3});
	});

	test('cookies sent when it worked, none when it failed', () => {
		expect(codes(analyze(entry('https://a.example/x', 200, 1, [ua, ['Cookie', 'sid=aaaaaaaaaaaa1111; theme=dark']]), entry('https://a.example/x', 403, 2, [ua])))).toEqual(['har.compare.cookies-missing']);
	});

	test('another method on the same URL', () => {
		expect(codes(analyze(entry('https://a.example/x', 200, 1, [ua]), entry('https://a.example/x', 403, 2, [ua], 'DELETE')))).toEqual(['har.compare.method']);
	});

	test('another User-Agent, weaker when only the host matches', () => {
		const failure = analyze(entry('https://a.example/other', 200, 1, [['User-Agent', 'Mozilla/5.0']]), entry('https://a.example/x', 403, 2, [['User-Agent', 'python-requests/2.32']]));
		expect(failure.findings.find(finding => finding.code === 'har.compare.user-agent')?.supports).toEqual({'bot-block': 0.15});
	});

	test('the identical request later: 429 points at rate limiting', () => {
		const failure = analyze(entry('https://a.example/x', 200, 1, [ua]), entry('https://a.example/x', 429, 2, [ua]));
		expect(failure.findings.find(finding => finding.code === 'har.compare.same-request-later')?.supports).toEqual({'rate-limited': 0.5});
	});

	test('a cross-site Origin on a POST', () => {
		const failure = analyze(entry('https://a.example/x', 200, 1, [ua, ['Origin', 'https://a.example']], 'POST'), entry('https://a.example/x', 403, 2, [ua, ['Origin', 'https://evil.example']], 'POST'));
		expect(codes(failure)).toEqual(['har.compare.origin']);
	});

	test('the nearest earlier success on the same URL is preferred over a later one and over other URLs', () => {
		const failure = analyze(
			entry('https://a.example/x', 200, 1, [ua]),
			entry('https://a.example/y', 200, 4, [ua]),
			entry('https://a.example/x', 200, 3, [ua]),
			entry('https://a.example/x', 403, 5, [ua]),
			entry('https://a.example/x', 200, 6, [ua]),
		);
		expect(failure.comparedWith).toBe(2);
	});

	test('401, 429 and 451 are failures too; 404 and 500 are not', () => {
		const failures = analyzeHar(parseHar(JSON.stringify({log: {version: '1.2', creator: {name: 't', version: '1'}, entries: [401, 404, 429, 451, 500].map((status, minute) => entry('https://a.example/x', status, minute, [ua]))}})).har).failures;
		expect(failures.map(failure => failure.view.status)).toEqual([401, 429, 451]);
	});
});
