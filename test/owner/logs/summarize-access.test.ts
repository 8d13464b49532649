import {describe, expect, test} from 'vitest';
import {accessLogFindings} from '../../../src/owner/logs/access-findings.js';
import {parseAccessLine} from '../../../src/owner/logs/parse-access-line.js';
import {type NumberedAccessEntry, summarizeAccessLog} from '../../../src/owner/logs/summarize-access.js';

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

/** Builds combined-format lines as nginx writes them, then parses them like the reader does. */
function log(rows: Array<[client: string, time: string, path: string, status: number, ua: string]>): NumberedAccessEntry[] {
	return rows.map(([client, time, path, status, ua], index) => {
		const entry = parseAccessLine(`${client} - - [${time} +0000] "GET ${path} HTTP/1.1" ${status} 153 "-" "${ua}"`);
		if (!entry) {
			throw new Error('sample did not parse');
		}

		return {entry, line: index + 1};
	});
}

describe('summarizeAccessLog', () => {
	test('everyone: many addresses, many browsers, never a success → server-side causes', () => {
		const entries = log([
			['203.0.113.1', '02/Jan/2026:03:04:05', '/private/', 403, chrome],
			['203.0.113.2', '02/Jan/2026:03:10:00', '/private/', 403, firefox],
			['198.51.100.3', '02/Jan/2026:04:00:00', '/private/?a=1', 403, chrome],
			['198.51.100.4', '02/Jan/2026:04:30:00', '/other', 200, chrome],
		]);
		const summary = summarizeAccessLog(entries, {path: '/private/'});
		expect(summary).toMatchObject({
			verdict: 'everyone', requests: 3, forbidden: 3, passed: 0, distinctForbiddenClients: 3,
			firstSeen: '2026-01-02T03:04:05+00:00', lastSeen: '2026-01-02T04:00:00+00:00', firstLine: 1, lastLine: 3,
			perHour: [{hour: '2026-01-02T03', count: 2}, {hour: '2026-01-02T04', count: 1}],
		});
		const [finding] = accessLogFindings('/var/log/nginx/access.log', summary, 4);
		expect(finding?.code).toBe('access-log.forbidden-everyone');
		expect(finding?.location).toEqual({file: '/var/log/nginx/access.log', line: 3});
		expect(finding?.supports?.['directory-index-missing']).toBeGreaterThan(0);
		expect(finding?.supports?.['ip-allowlist']).toBeLessThan(0);
	});

	test('one address refused while others get it → ip-allowlist', () => {
		const summary = summarizeAccessLog(log([
			['203.0.113.1', '02/Jan/2026:03:04:05', '/admin', 200, chrome],
			['192.0.2.66', '02/Jan/2026:03:05:05', '/admin', 403, chrome],
			['192.0.2.66', '02/Jan/2026:03:06:05', '/admin', 403, firefox],
			['203.0.113.2', '02/Jan/2026:03:07:05', '/admin', 200, firefox],
		]), {path: '/admin'});
		expect(summary.verdict).toBe('one-address');
		expect(summary.byClient[0]).toEqual({key: '192.0.2.66', forbidden: 2, passed: 0, kind: undefined});
		const [finding] = accessLogFindings('access.log', summary, 4);
		expect(finding).toMatchObject({code: 'access-log.forbidden-one-address', supports: {'ip-allowlist': 0.6}, location: {line: 3}});
		expect(finding?.text).toContain('192.0.2.66');
	});

	test('one kind of client (python-requests, several addresses) while browsers pass → bot-block', () => {
		const summary = summarizeAccessLog(log([
			['203.0.113.1', '02/Jan/2026:03:04:05', '/feed', 403, 'python-requests/2.31.0'],
			['203.0.113.9', '02/Jan/2026:03:04:06', '/feed', 403, 'python-requests/2.28.1'],
			['198.51.100.1', '02/Jan/2026:03:04:07', '/feed', 200, chrome],
		]), {path: '/feed'});
		expect(summary.verdict).toBe('one-client-kind');
		expect(summary.byUserAgent[0]).toEqual({key: 'python-requests', forbidden: 2, passed: 0, kind: 'library'});
		const [finding] = accessLogFindings('access.log', summary, 3);
		expect(finding).toMatchObject({code: 'access-log.forbidden-one-client-kind', supports: {'bot-block': 0.6}});
	});

	test('some clients pass, several others (browsers) do not → mixed', () => {
		const summary = summarizeAccessLog(log([
			['203.0.113.1', '02/Jan/2026:03:04:05', '/x', 403, chrome],
			['203.0.113.2', '02/Jan/2026:03:04:06', '/x', 403, firefox],
			['198.51.100.1', '02/Jan/2026:03:04:07', '/x', 200, chrome],
		]), {path: '/x'});
		expect(summary.verdict).toBe('mixed');
	});

	test('two addresses only, no success → too few to tell', () => {
		expect(summarizeAccessLog(log([
			['203.0.113.1', '02/Jan/2026:03:04:05', '/x', 403, chrome],
			['203.0.113.2', '02/Jan/2026:03:04:06', '/x', 403, firefox],
		]), {path: '/x'}).verdict).toBe('few');
	});

	test('requested but never 403 here → the 403 comes from in front; never requested → path absent', () => {
		const entries = log([['203.0.113.1', '02/Jan/2026:03:04:05', '/x', 200, chrome]]);
		const served = summarizeAccessLog(entries, {path: '/x'});
		expect(accessLogFindings('a.log', served, 1)[0]).toMatchObject({code: 'access-log.no-403', supports: {'waf-rule-block': 0.2}});
		const absent = summarizeAccessLog(entries, {path: '/y'});
		expect(accessLogFindings('a.log', absent, 1)[0]?.code).toBe('access-log.path-absent');
	});

	test('X-Forwarded-For addresses replace the proxy address', () => {
		const entries = ['1', '2', '3'].map((last, index) => ({
			entry: parseAccessLine(`10.0.0.2 - - [02/Jan/2026:03:04:05 +0000] "GET /x HTTP/1.1" 403 153 "-" "${chrome}" "198.51.100.${last}"`)!,
			line: index + 1,
		}));
		const summary = summarizeAccessLog(entries, {path: '/x'});
		expect(summary).toMatchObject({verdict: 'everyone', forwarded: true, distinctForbiddenClients: 3});
	});
});
