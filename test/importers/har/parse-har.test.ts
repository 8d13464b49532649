import {Buffer} from 'node:buffer';
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {HarError, parseHar} from '../../../src/importers/har/index.js';
import {createRedactor} from '../../../src/report/redact/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/har/${name}`, import.meta.url), 'utf8');

/** A minimal valid HAR around the given entries. */
function har(entries: unknown[], creator = {name: 'test', version: '1'}): string {
	return JSON.stringify({log: {version: '1.2', creator, entries}});
}

function entry(overrides: {request?: Record<string, unknown>; response?: Record<string, unknown>} = {}): Record<string, unknown> {
	return {
		startedDateTime: '2026-11-25T10:00:00.000Z',
		time: 10,
		request: {method: 'GET', url: 'https://x.example/', httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0, ...overrides.request},
		response: {status: 403, statusText: 'Forbidden', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: {size: 0, mimeType: 'text/html'}, redirectURL: '', headersSize: -1, bodySize: 0, ...overrides.response},
		cache: {},
		timings: {send: 0, wait: 9, receive: 1},
	};
}

describe('redaction on import', () => {
	test('no secret of the expired-JWT capture survives, anywhere', () => {
		const text = fixture('chrome-expired-jwt-api.har');
		const jwt = /Bearer (eyJ[\w.-]+)/.exec(text)![1]!;
		const {har: parsed, secrets, redactor} = parseHar(text);
		const json = JSON.stringify(parsed);
		expect(json).not.toContain(jwt.split('.')[2]);
		expect(json).not.toContain('correct-horse-battery-staple');
		expect(json).not.toContain('0a1b2c3d4e5f'); // `sig` in Chrome's _initiator stack URL
		expect(secrets).toContain(jwt);
		expect(secrets).toContain('correct-horse-battery-staple');
		// The session's redactor now scrubs them elsewhere too.
		expect(redactor.text(`the server said ${jwt} and correct-horse-battery-staple`)).toBe('the server said [redacted] and [redacted]');
	});

	test('the bearer JWT keeps header and claims, names and evidence stay', () => {
		const {har: parsed} = parseHar(fixture('chrome-expired-jwt-api.har'));
		const failing = parsed.log.entries[2]!;
		const authorization = failing.request.headers.find(header => header.name === 'authorization')!.value;
		expect(authorization).toMatch(/^Bearer eyJ[\w-]+\.eyJ[\w-]+\.\[redacted]$/);
		expect(parsed.log.entries[0]!.request.postData?.text).toBe('username=alice&password=[redacted]');
		expect(parsed.log.entries[0]!.request.postData?.params).toEqual([{name: 'username', value: 'alice'}, {name: 'password', value: '[redacted]'}]);
		expect(JSON.parse(parsed.log.entries[0]!.response.content.text!)).toMatchObject({access_token: '[redacted]', token_type: 'Bearer', expires_in: 1800});
		expect(failing.request.url).toBe('https://api.example.com/v1/orders?page=1');
	});

	test('cookies keep their names and attributes', () => {
		const text = fixture('chrome-cloudflare-challenge.har');
		const {har: parsed} = parseHar(text);
		const request = parsed.log.entries[0]!.request;
		expect(request.cookies.map(cookie => [cookie.name, cookie.value, cookie.domain])).toEqual([['cf_clearance', '[redacted]', '.shop.example.com'], ['session_id', '[redacted]', 'shop.example.com']]);
		expect(request.headers.find(header => header.name === 'cookie')?.value).toBe('cf_clearance=[redacted]; session_id=[redacted]');
		expect(JSON.stringify(parsed)).not.toMatch(/8f14e45fceea167a5a36dedd4bea2543|Qk3mZ9x7Lw2PpYv8/);
	});

	test('credential fingerprints are kept for comparisons, never the values', () => {
		const {har: parsed} = parseHar(fixture('chrome-expired-jwt-api.har'));
		const [, worked, failed] = parsed.log.entries;
		expect(worked!._fix403?.fingerprints?.authorization).toMatch(/^[\da-f]{16}$/);
		expect(worked!._fix403?.fingerprints?.authorization).toBe(failed!._fix403?.fingerprints?.authorization);
		expect(parsed.log.entries[0]!._fix403?.fingerprints?.authorization).toBeUndefined();
	});

	test('the session redactor\'s own secrets and header names apply', () => {
		const base = createRedactor({extraHeaderNames: ['X-Tenant'], secrets: ['user-typed-secret-1']});
		const {har: parsed, redactor} = parseHar(har([entry({request: {headers: [{name: 'X-Tenant', value: 'acme-prod'}, {name: 'X-Note', value: 'user-typed-secret-1'}]}})]), {redactor: base});
		expect(parsed.log.entries[0]!.request.headers).toEqual([{name: 'X-Tenant', value: '[redacted]'}, {name: 'X-Note', value: '[redacted]'}]);
		expect(redactor.options.extraHeaderNames).toEqual(['X-Tenant']);
		expect(redactor.secrets).toContain('user-typed-secret-1');
	});

	test('textual base64 bodies are decoded, redacted and encoded again; binary ones are left alone', () => {
		// Charles Proxy exports response bodies base64-encoded, text included.
		const secretBody = Buffer.from('{"api_key":"k-4f9a8b7c6d5e","ok":false}').toString('base64');
		const image = Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]).toString('base64');
		const {har: parsed} = parseHar(har([
			entry({response: {content: {size: 40, mimeType: 'application/json', encoding: 'base64', text: secretBody}}}),
			entry({response: {status: 200, content: {size: 6, mimeType: 'image/jpeg', encoding: 'base64', text: image}}}),
		], {name: 'Charles Proxy', version: '4.6.6'}));
		expect(Buffer.from(parsed.log.entries[0]!.response.content.text!, 'base64').toString()).toBe('{"api_key":"[redacted]","ok":false}');
		expect(parsed.log.entries[1]!.response.content.text).toBe(image);
	});
});

describe('flavours and missing fields', () => {
	test.each([
		// WebKit Web Inspector exports: no cookies/queryString in some versions, `_fetchType`, ssl -1.
		['Safari', {name: 'WebKit Web Inspector', version: '1.0'}, {request: {method: 'GET', url: 'https://x.example/a', headers: [{name: 'Accept', value: '*/*'}]}, response: {status: 403, headers: []}, timings: {send: 0, wait: 5, receive: 0, ssl: -1}, _fetchType: 'Network Load'}],
		// Fiddler: creator comment, `time` and sizes present, content text without size.
		['Fiddler', {name: 'Fiddler', version: '5.0.20211.51073', comment: 'http://www.telerik.com/fiddler'}, {startedDateTime: '2026-11-25T10:00:00.1234567+01:00', time: 12, request: {method: 'GET', url: 'https://x.example/a', httpVersion: 'HTTP/1.1', headers: [], cookies: [], queryString: [], headersSize: 100, bodySize: 0}, response: {status: 403, statusText: 'Forbidden', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: {mimeType: 'text/html', text: 'no'}, redirectURL: '', headersSize: 90, bodySize: 2}, cache: {}, timings: {send: 1, wait: 10, receive: 1}}],
		// mitmproxy 10: status as a number, `HTTP/2.0`, content with compression 0.
		['mitmproxy', {name: 'mitmproxy', version: '10.1.1', comment: 'mitmproxy version 10.1.1'}, {startedDateTime: '2026-11-25T10:00:00.000000+00:00', time: 20, request: {method: 'GET', url: 'https://x.example/a', httpVersion: 'HTTP/2.0', cookies: [], headers: [], queryString: [], headersSize: 30, bodySize: 0}, response: {status: 403, statusText: '', httpVersion: 'HTTP/2.0', cookies: [], headers: [{name: 'server', value: 'envoy'}], content: {size: 2, compression: 0, mimeType: 'text/plain', text: 'no'}, redirectURL: '', headersSize: 20, bodySize: 2}, cache: {}, timings: {send: 0, receive: 1, wait: 10, connect: 3, ssl: 2}, serverIPAddress: '192.0.2.1'}],
		['bare minimum', {name: '', version: ''}, {request: {method: 'GET', url: 'https://x.example/a'}, response: {status: '403'}}],
	])('%s', (_name, creator, raw) => {
		const {har: parsed} = parseHar(JSON.stringify({log: {version: '1.2', creator, entries: [raw]}}));
		const [only] = parsed.log.entries;
		expect(only!.response.status).toBe(403);
		expect(only!.request.url).toBe('https://x.example/a');
		expect(Array.isArray(only!.request.cookies) && Array.isArray(only!.request.queryString) && Array.isArray(only!.response.headers)).toBe(true);
		expect(typeof only!.response.content.size).toBe('number');
		expect(typeof only!.timings.wait).toBe('number');
	});

	test('BOM, bytes and an empty version', () => {
		const bytes = Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(JSON.stringify({log: {version: '', creator: {name: 'x', version: '1'}, entries: [entry()]}}))]);
		expect(parseHar(bytes).har.log.version).toBe('1.1');
	});

	test('custom fields are kept (and redacted)', () => {
		const {har: parsed} = parseHar(har([{...entry(), _initiator: {type: 'script', url: 'https://x.example/app.js?token=abc123'}}]));
		expect(parsed.log.entries[0]!['_initiator']).toEqual({type: 'script', url: 'https://x.example/app.js?token=[redacted]'});
	});
});

describe('bad files are typed errors with one line', () => {
	test.each([
		['empty', '  ', {}, 'har-empty'],
		['not JSON', '{"log": ', {}, 'har-not-json'],
		['an HTML page saved as .har', '<!doctype html><html></html>', {}, 'har-not-json'],
		['no log', '{"entries": []}', {}, 'har-malformed'],
		['entries not a list', '{"log": {"entries": {}}}', {}, 'har-malformed'],
		['an entry without URL', har([entry({request: {url: ''}})]), {}, 'har-malformed'],
		['an entry without status', har([{...entry(), response: {}}]), {}, 'har-malformed'],
		['too many entries', har([entry(), entry(), entry()]), {maxEntries: 2}, 'har-too-many-entries'],
		['too large', har([entry()]), {maxBytes: 100}, 'har-too-large'],
	])('%s', (_name, text, options, code) => {
		let error: unknown;
		try {
			parseHar(text, options);
		} catch (caught) {
			error = caught;
		}

		expect(error).toBeInstanceOf(HarError);
		expect((error as HarError).code).toBe(code);
		expect((error as HarError).message).not.toContain('\n');
	});

	test('the message names the path', () => {
		expect(() => parseHar(har([entry(), entry({request: {url: ''}})]))).toThrow('The HAR file is not valid: log.entries[1].request.url is missing.');
	});
});
