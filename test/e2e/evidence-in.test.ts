import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {startLoopback} from '../helpers/loopback.js';
import {runCli, runJson} from '../helpers/run-cli.js';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

describe('HAR files in (--har, nothing sent)', () => {
	test.each([
		['har/chrome-cloudflare-challenge.har', 'waf-challenge', 'cloudflare'],
		['har/chrome-expired-jwt-api.har', 'token-expired', undefined],
		['har/firefox-hotlinked-image.har', 'hotlink-protection', undefined],
	])('%s → %s', async (file, cause, vendor) => {
		const report = await runJson(['--har', fixture(file), '--no-probe']);
		expect(report.status).toBe('diagnosed');
		expect(report.causes[0]?.id).toBe(cause);
		expect(report.causes[0]?.vendor).toBe(vendor);
		expect(report.probes).toEqual([]);
		expect(JSON.stringify(report)).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{10,}/);
	});
});

describe('pasted responses in (--headers-file)', () => {
	test.each([
		['paste/curl-v-cloudflare-challenge.txt', 'waf-challenge'],
		['paste/firefox-copy-response-headers.txt', 'waf-challenge'],
		['paste/httpie-github-rate-limit.txt', 'rate-limited'],
		['paste/devtools-chrome-h2.txt', 'insufficient-scope'],
	])('%s → %s', async (file, cause) => {
		const report = await runJson(['--headers-file', fixture(file), '--no-probe']);
		expect(report.status).toBe('diagnosed');
		expect(report.causes[0]?.id).toBe(cause);
	});

	test('a paste on stdin (--headers-file -)', async () => {
		const input = readFileSync(fixture('paste/curl-v-cloudflare-challenge.txt'), 'utf8');
		const result = await runCli(['--headers-file', '-', '--no-probe', '--json'], {input});
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout).causes[0].id).toBe('waf-challenge');
	});

	test('a bare server page says what it is closest to instead of guessing', async () => {
		const report = await runJson(['--headers-file', fixture('paste/curl-iL-redirect-then-403.txt'), '--no-probe']);
		expect(report.status).toBe('inconclusive');
		expect(report.causes).toEqual([]);
		expect(report.reason).toMatch(/closest: server-deny-rule/);
	});

	test('a pasted "Copy as cURL" is re-sent (with its cookies) and the cookies never reach the report', async () => {
		const server = await startLoopback((request, response) => {
			const stale = (request.headers.cookie ?? '').includes('ab_bucket=');
			response.writeHead(stale ? 403 : 200, {'content-type': 'text/html'});
			response.end(stale ? '<h1>Forbidden</h1>' : '<h1>Cart</h1>');
		});
		try {
			const secret = 'c2Vzc2lvbi1zZWNyZXQtdmFsdWUtOTk5';
			const command = `curl '${server.origin}/cart' \\\n  -H 'accept: text/html' \\\n  -b 'sid=${secret}; ab_bucket=old-2019' \\\n  --compressed`;
			const result = await runCli(['--headers-file', '-', '--json'], {input: command});
			expect(result.code, result.stderr).toBe(0);
			const report = JSON.parse(result.stdout);
			expect(report.causes[0].id).toBe('client-state');
			expect(server.seen[0]?.headers.cookie).toContain(secret);
			expect(result.stdout).not.toContain(secret);
		} finally {
			await server.close();
		}
	});
});
