import type http from 'node:http';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {Ajv2020} from 'ajv/dist/2020.js';
import schema from '../../docs/report.schema.json' with {type: 'json'};
import type {Report} from '../../src/report/types.js';
import {makeTestCerts, startWatched, type TestCerts, type Watched} from '../helpers/hostile-servers.js';
import {jwt} from '../helpers/jwt.js';
import {runJson} from '../helpers/run-cli.js';

/*
One loopback server per cause that can be known from outside the server, each answering the way the real
thing does (sources in test/evidence and REFERENCE.md). Each test runs the built CLI with --json and
asserts that the intended cause comes first and that the report fits the committed JSON Schema.
*/

type Case = {
	readonly cause: string;
	readonly path: string;
	readonly args?: readonly string[];
	/** The probes the top cause must name as showing it. */
	readonly shows?: readonly string[];
	readonly handler: (request: http.IncomingMessage, response: http.ServerResponse) => void;
};

const nowSeconds = () => Math.floor(Date.now() / 1000);
const isBrowser = (request: http.IncomingMessage) => /Chrome\/\d+/.test(request.headers['user-agent'] ?? '');
const s3Xml = (code: string, message: string, extra = '') =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>4442587FB7D0A2F9</RequestId><HostId>vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=</HostId></Error>`;
const s3Headers = {'content-type': 'application/xml', server: 'AmazonS3', 'x-amz-request-id': '4442587FB7D0A2F9'};
const nginx403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const cloudflarePage = (code: number, title: string) =>
	`<!DOCTYPE html><html><head><title>Access denied | 127.0.0.1 used Cloudflare to restrict access</title></head><body><div id="cf-wrapper"><div id="cf-error-details"><h1 data-translate="block_headline">Access denied</h1><h2 class="cf-subheadline"><span data-translate="error">Error</span> ${code}</h2><h2>${title}</h2><span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">8a1b2c3d4e5f6789</strong></span></div></div></body></html>`;
const cloudflareHeaders = {'content-type': 'text/html; charset=UTF-8', server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6789-FRA'};

const send = (response: http.ServerResponse, status: number, headers: Record<string, string>, body = '') => {
	response.writeHead(status, headers);
	response.end(body);
};

const cases: Case[] = [
	{
		cause: 'waf-challenge',
		path: '/pricing',
		handler: (_request, response) => {
			send(response, 403, {...cloudflareHeaders, 'cf-mitigated': 'challenge'}, '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>');
		},
	},
	{
		cause: 'waf-rule-block',
		path: '/search?q=1',
		handler: (_request, response) => {
			send(response, 403, cloudflareHeaders, cloudflarePage(1020, 'This website is using a security service to protect itself from online attacks.'));
		},
	},
	{
		cause: 'bot-block',
		path: '/catalog',
		shows: ['original', 'browser-ua'],
		handler: (request, response) => {
			send(response, isBrowser(request) ? 200 : 403, {'content-type': 'text/html', server: 'nginx'}, isBrowser(request) ? '<h1>Catalog</h1>' : nginx403);
		},
	},
	{
		cause: 'rate-limited',
		path: '/api/items',
		handler: (_request, response) => {
			send(response, 429, {'content-type': 'application/json', 'retry-after': '120', 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0'}, '{"message":"Too many requests, slow down"}');
		},
	},
	{
		cause: 'geo-block',
		path: '/watch',
		handler: (_request, response) => {
			send(response, 403, cloudflareHeaders, cloudflarePage(1009, 'The owner of this website (127.0.0.1) has banned the country or region your IP address is in (DE) from accessing this website.'));
		},
	},
	{
		cause: 'ip-allowlist',
		path: '/admin/',
		handler: (_request, response) => {
			send(response, 403, cloudflareHeaders, cloudflarePage(1006, 'The owner of this website (127.0.0.1) has banned your IP address (203.0.113.9).'));
		},
	},
	{
		cause: 'directory-index-missing',
		path: '/files/',
		handler: (request, response) => {
			if (request.url === '/files') {
				send(response, 301, {location: '/files/', server: 'nginx'});
			} else if (request.url === '/files/') {
				send(response, 403, {'content-type': 'text/html', server: 'nginx'}, nginx403);
			} else {
				send(response, 404, {'content-type': 'text/html', server: 'nginx'}, '<html><head><title>404 Not Found</title></head></html>');
			}
		},
	},
	{
		cause: 'method-blocked',
		path: '/upload',
		args: ['-X', 'POST', '-d', 'a=1'],
		handler: (request, response) => {
			send(response, request.method === 'POST' ? 403 : 200, {'content-type': 'text/html', server: 'nginx'}, request.method === 'POST' ? nginx403 : '<form></form>');
		},
	},
	{
		cause: 'php-fpm-denied',
		path: '/uploads/avatar.jpg',
		handler: (_request, response) => {
			send(response, 403, {'content-type': 'text/html; charset=UTF-8', server: 'nginx'}, 'Access denied.\n');
		},
	},
	{
		cause: 'missing-credentials',
		path: '/api/me',
		handler: (request, response) => {
			send(response, request.headers.authorization ? 200 : 401, {'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api"'}, '{"error":"unauthorized"}');
		},
	},
	{
		cause: 'token-expired',
		path: '/api/orders',
		args: ['--token', jwt({sub: 'u1', aud: 'orders', exp: nowSeconds() - 7200, iat: nowSeconds() - 10_800})],
		handler: (_request, response) => {
			send(response, 401, {'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api", error="invalid_token", error_description="The access token expired"'}, '{"error":"invalid_token"}');
		},
	},
	{
		cause: 'token-invalid',
		path: '/api/orders',
		args: ['--token', jwt({sub: 'u1', aud: 'billing', exp: nowSeconds() + 3600})],
		handler: (_request, response) => {
			send(response, 401, {'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api", error="invalid_token", error_description="Invalid audience"'}, '{"error":"invalid_token"}');
		},
	},
	{
		cause: 'insufficient-scope',
		path: '/api/admin/users',
		args: ['--token', jwt({sub: 'u1', scope: 'read:users', exp: nowSeconds() + 3600})],
		handler: (request, response) => {
			if (!request.headers.authorization) {
				send(response, 401, {'www-authenticate': 'Bearer realm="api"'});
				return;
			}

			send(response, 403, {'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api", error="insufficient_scope", scope="admin:users"'}, '{"error":"insufficient_scope"}');
		},
	},
	{
		cause: 'session-expired',
		path: '/account',
		args: ['--cookie', 'sessionid=8f14e45fceea167a5a36dedd4bea2543'],
		handler: (request, response) => {
			if (request.url?.startsWith('/login')) {
				send(response, 200, {'content-type': 'text/html'}, '<form method="post"><input name="password" type="password"></form>');
			} else if (request.headers.cookie) {
				send(response, 403, {'content-type': 'text/html'}, '<h1>Forbidden</h1>');
			} else {
				send(response, 302, {location: '/login?next=/account'});
			}
		},
	},
	{
		cause: 'csrf-failed',
		path: '/settings/',
		args: ['-X', 'POST', '-d', 'name=x', '--cookie', 'csrftoken=abcdefabcdefabcdefabcdefabcdefab'],
		handler: (_request, response) => {
			send(response, 403, {'content-type': 'text/html; charset=utf-8'}, '<!DOCTYPE html><html lang="en"><head><title>403 Forbidden</title></head><body><div id="summary"><h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p><p>Reason given for failure:</p><pre>    CSRF token missing.\n    </pre></div></body></html>');
		},
	},
	{
		cause: 'hotlink-protection',
		path: '/img/logo.png',
		shows: ['original', 'no-referer', 'same-origin-referer'],
		args: ['--referer', 'https://blog.example.net/post'],
		handler: (request, response) => {
			const referer = request.headers.referer;
			const allowed = referer === undefined || referer.startsWith('http://127.0.0.1');
			send(response, allowed ? 200 : 403, {'content-type': allowed ? 'image/png' : 'text/html', server: 'nginx'}, allowed ? 'PNG' : nginx403);
		},
	},
	{
		cause: 'signed-url-expired',
		path: `/reports/q3.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${'a'.repeat(64)}`,
		handler: (_request, response) => {
			send(response, 403, s3Headers, s3Xml('AccessDenied', 'Request has expired', '<X-Amz-Expires>3600</X-Amz-Expires><Expires>2026-01-01T01:00:00Z</Expires><ServerTime>2026-11-25T10:00:00Z</ServerTime>'));
		},
	},
	{
		cause: 'signed-url-invalid',
		path: `/reports/q4.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F${new Date().toISOString().slice(0, 10).replaceAll('-', '')}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=${new Date().toISOString().replaceAll(/[-:]/g, '').slice(0, 15)}Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${'b'.repeat(64)}`,
		handler: (_request, response) => {
			send(response, 403, s3Headers, s3Xml('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'));
		},
	},
	{
		cause: 'object-storage-denied',
		path: '/private/contract.pdf',
		handler: (_request, response) => {
			send(response, 403, s3Headers, s3Xml('AccessDenied', 'Access Denied'));
		},
	},
	{
		cause: 'clock-skew',
		path: '/bucket/object.bin',
		handler: (_request, response) => {
			send(response, 403, s3Headers, s3Xml('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', `<RequestTime>${new Date(Date.now() - 3_600_000).toUTCString()}</RequestTime><ServerTime>${new Date().toISOString()}</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>`));
		},
	},
	{
		cause: 'client-state',
		path: '/dashboard',
		args: ['--cookie', 'ab_test=variant-b-2019; theme=dark'],
		handler: (request, response) => {
			send(response, request.headers.cookie ? 403 : 200, {'content-type': 'text/html'}, request.headers.cookie ? '<h1>Forbidden</h1>' : '<h1>Dashboard</h1>');
		},
	},
	{
		cause: 'wrong-url',
		path: '/Docs/Guide.PDF',
		handler: (request, response) => {
			const ok = request.url === '/docs/guide.pdf';
			send(response, ok ? 200 : 403, {'content-type': ok ? 'application/pdf' : 'application/xml', server: 'AmazonS3'}, ok ? '%PDF' : s3Xml('AccessDenied', 'Access Denied'));
		},
	},
];

const validate = new Ajv2020({strict: false, validateFormats: false}).compile(schema);

function expectFirst(report: Report, cause: string) {
	expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
	expect(report.status, report.reason).toBe('diagnosed');
	expect(report.causes[0]?.id, JSON.stringify(report.causes.map(item => [item.id, item.confidence]))).toBe(cause);
	const top = report.causes[0]!;
	expect(report.causes.every(item => item.confidence <= top.confidence)).toBe(true);
	expect(top.evidence.length).toBeGreaterThan(0);
	expect(top.fix.length).toBeGreaterThan(0);
	for (const id of top.probes ?? []) {
		expect(report.probes.map(probe => probe.id)).toContain(id);
	}
}

describe('fix403 URL --json names the cause first, for every cause knowable from outside', () => {
	for (const item of cases) {
		test(item.cause, async () => {
			const server = await startWatched((request, response) => {
				item.handler(request, response);
			});
			try {
				const report = await runJson([`${server.origin}${item.path}`, ...(item.args ?? [])]);
				expectFirst(report, item.cause);
				if (item.shows) {
					expect(report.causes[0]?.probes).toEqual(item.shows);
				}

				expect(server.count()).toBeLessThanOrEqual(12);
			} finally {
				await server.close();
			}
		});
	}
});

describe('TLS', () => {
	let certs: TestCerts;
	let server: Watched;
	beforeAll(async () => {
		certs = makeTestCerts();
		server = await startWatched((_request, response) => {
			send(response, 200, {}, 'ok');
		}, {key: certs.selfSignedKey, cert: certs.selfSigned, requestCert: true, rejectUnauthorized: true, ca: [certs.ca]});
	});
	afterAll(async () => {
		await server.close();
		certs.remove();
	});

	test('tls-rejected: the server demands a client certificate', async () => {
		const report = await runJson([`${server.origin}/secure`, '--insecure']);
		expectFirst(report, 'tls-rejected');
	});
});
