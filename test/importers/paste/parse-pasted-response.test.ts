import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {PasteError, parsePastedResponse, secretsInPaste} from '../../../src/importers/paste/index.js';
import {createRedactor} from '../../../src/report/redact/index.js';

// Each fixture's source is noted where it is written: test/fixtures/paste/ (see the comments in this file).
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/paste/${name}`, import.meta.url));

describe('curl -v', () => {
	// curl/curl#13597: Cloudflare answering curl with a managed challenge.
	const exchange = parsePastedResponse(fixture('curl-v-cloudflare-challenge.txt'));

	test('reads the request, with the URL curl printed for the HTTP/2 stream', () => {
		expect(exchange.format).toBe('curl-verbose');
		expect(exchange.request?.method).toBe('GET');
		expect(exchange.request?.url).toBe('https://hayqbhgr.slider.kz/vk_auth.php?top=');
		expect(exchange.request?.headers).toContainEqual(['User-Agent', 'curl/8.7.1']);
	});

	test('reads the response: status, lower-case headers, body without curl\'s notes', () => {
		expect(exchange.response?.status).toBe(403);
		expect(exchange.response?.httpVersion).toBe('2');
		expect(exchange.response?.headers['cf-mitigated']).toBe('challenge');
		expect(exchange.response?.headers['server']).toBe('cloudflare');
		expect(exchange.response?.body).toContain('<title>Just a moment...</title>');
		expect(exchange.response?.body).not.toContain('Connection #0');
	});

	test('keeps the connection facts', () => {
		expect(exchange.connection).toMatchObject({
			host: 'hayqbhgr.slider.kz',
			ip: '104.21.32.1',
			port: 443,
			tlsVersion: 'TLSv1.3',
			cipher: 'TLS_AES_256_GCM_SHA384',
			alpn: 'h2',
			certificate: {subject: 'CN=slider.kz', expireDate: 'Jul 19 10:21:10 2024 GMT', verified: true},
		});
	});

	test('with -L: the last exchange wins and the redirect is remembered', () => {
		// Shape of curl 8 -vL output (request/response lines prefixed, "Issue another request" between them).
		const text = [
			'* Connected to example.com (93.184.215.14) port 80',
			'> GET /old HTTP/1.1',
			'> Host: example.com',
			'>',
			'< HTTP/1.1 302 Found',
			'< Location: https://example.com/new',
			'<',
			'* Issue another request to this URL: \'https://example.com/new\'',
			'* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256 / x25519 / RSASSA-PSS',
			'> GET /new HTTP/1.1',
			'> Host: example.com',
			'>',
			'< HTTP/1.1 403 Forbidden',
			'< Content-Type: text/plain',
			'<',
			'denied',
			'* Connection #1 to host example.com left intact',
		].join('\n');
		const result = parsePastedResponse(text);
		expect(result.request?.url).toBe('https://example.com/new');
		expect(result.response).toMatchObject({status: 403, statusText: 'Forbidden', body: 'denied'});
		expect(result.chain).toEqual([{status: 302, statusText: 'Found', location: 'https://example.com/new'}]);
	});
});

describe('raw HTTP', () => {
	test('curl -iL: redirect chain, CRLF, body of the last response', () => {
		const result = parsePastedResponse(fixture('curl-iL-redirect-then-403.txt'));
		expect(result.format).toBe('http');
		expect(result.chain).toEqual([{status: 301, statusText: 'Moved Permanently', location: 'https://files.example.com/private/'}]);
		expect(result.response?.status).toBe(403);
		expect(result.response?.headers['server']).toBe('nginx/1.24.0');
		expect(result.response?.body).toMatch(/^<html>\n<head><title>403 Forbidden<\/title>/);
	});

	test('curl -I: headers only, empty body', () => {
		const result = parsePastedResponse(fixture('curl-I-s3.txt'));
		expect(result.response).toMatchObject({status: 403, statusText: 'Forbidden', httpVersion: '1.1', body: ''});
		expect(result.response?.headers['server']).toBe('AmazonS3');
		expect(result.response?.headers['x-amz-request-id']).toBe('4442587FB7D0A2F9');
	});

	test('BOM, obs-fold and Unicode', () => {
		const result = parsePastedResponse(fixture('raw-folded-bom.txt'));
		expect(result.response?.headers['x-long-header']).toBe('first part, second part');
		expect(result.response?.body).toBe('<p>Zugriff verweigert — アクセス拒否</p>');
	});

	test('HTTP/2 status line, 100 Continue and repeated headers', () => {
		const result = parsePastedResponse('HTTP/1.1 100 Continue\r\n\r\nHTTP/2 403 \r\nset-cookie: a=1\r\nset-cookie: b=2\r\n\r\nno');
		expect(result.chain).toEqual([{status: 100, statusText: 'Continue'}]);
		expect(result.response).toMatchObject({status: 403, statusText: '', httpVersion: '2', body: 'no'});
		expect(result.response?.headers['set-cookie']).toEqual(['a=1', 'b=2']);
	});

	test('HTTPie: request and response blocks', () => {
		const result = parsePastedResponse(fixture('httpie-github-rate-limit.txt'));
		expect(result.format).toBe('httpie');
		expect(result.request).toMatchObject({method: 'GET', url: 'http://api.github.com/repos/octocat/hello-world'});
		expect(result.response?.status).toBe(403);
		expect(result.response?.headers['x-ratelimit-remaining']).toBe('0');
		expect(JSON.parse(result.response!.body)).toMatchObject({message: 'API rate limit exceeded for user ID 1.'});
	});

	test('colour codes from a forced-colour HTTPie run are removed', () => {
		const result = parsePastedResponse('\u001B[34mHTTP\u001B[39m/1.1 \u001B[36m403\u001B[39m Forbidden\n\u001B[36mServer\u001B[39m: nginx\n\nx');
		expect(result.response).toMatchObject({status: 403, headers: {server: 'nginx'}, body: 'x'});
	});
});

describe('DevTools header copies', () => {
	test('Chrome, HTTP/2: no status line', () => {
		const result = parsePastedResponse(fixture('devtools-chrome-h2.txt'));
		expect(result.format).toBe('devtools-headers');
		expect(result.response?.status).toBe(0);
		expect(result.response?.headers['www-authenticate']).toBe('Bearer realm="api", error="insufficient_scope", scope="files:read"');
	});

	test('with a :status pseudo-header', () => {
		const result = parsePastedResponse(fixture('devtools-pseudo-status.txt'));
		expect(result.response).toMatchObject({status: 403, httpVersion: '2'});
		expect(result.response?.headers).not.toHaveProperty(':status');
		expect(result.response?.headers['server']).toBe('AkamaiGHost');
	});

	test('Firefox: status line then headers', () => {
		const result = parsePastedResponse(fixture('firefox-copy-response-headers.txt'));
		expect(result.response).toMatchObject({status: 403, httpVersion: '2', body: ''});
		expect(result.response?.headers['cf-mitigated']).toBe('challenge');
	});
});

describe('Copy as cURL', () => {
	test('Chrome bash', () => {
		const result = parsePastedResponse(fixture('chrome-copy-as-curl-bash.txt'));
		expect(result.format).toBe('curl-command');
		expect(result.response).toBeUndefined();
		expect(result.request).toMatchObject({method: 'POST', url: 'https://api.example.com/v1/orders?page=2', body: '{"note":"it\'s urgent","qty":2}'});
		expect(result.request?.headers).toContainEqual(['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJl']);
		expect(result.request?.headers).toContainEqual(['Cookie', 'sessionid=38afes7a8; csrftoken=Zq9w3ZoDVHtFzm']);
		expect(result.request?.headers.filter(([name]) => name.toLowerCase() === 'content-type')).toEqual([['content-type', 'application/json']]);
		expect(result.options).toEqual({compressed: true});
	});

	test('Chrome cmd', () => {
		const result = parsePastedResponse(fixture('chrome-copy-as-curl-cmd.txt'));
		expect(result.request).toMatchObject({method: 'DELETE', url: 'https://api.example.com/v1/orders?page=2&sort=desc'});
		expect(result.request?.headers).toEqual([
			['accept', '*/*'],
			['user-agent', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)'],
			['Cookie', 'sessionid=38afes7a8'],
		]);
	});

	test('Firefox', () => {
		const result = parsePastedResponse(fixture('firefox-copy-as-curl.txt'));
		expect(result.request).toMatchObject({method: 'POST', url: 'https://shop.example.com/cart', body: 'item=7&qty=1&csrf_token=t0k3n'});
		expect(result.request?.headers).toContainEqual(['Referer', 'https://shop.example.com/item/7']);
	});

	test.each([
		['-A, -e, -u and clustered switches', 'curl -sSLk -A \'Bot/1\' -e \'https://ref.example/;auto\' -u bob:pw https://x.example/a', {method: 'GET', url: 'https://x.example/a', headers: [['User-Agent', 'Bot/1'], ['Referer', 'https://ref.example/'], ['Authorization', 'Basic Ym9iOnB3']]}],
		['-I is HEAD', 'curl -I example.com/x', {method: 'HEAD', url: 'http://example.com/x', headers: []}],
		['-G moves data into the query', 'curl -G -d q=1 --data-urlencode \'s=a b\' https://x.example/s', {method: 'GET', url: 'https://x.example/s?q=1&s=a%20b', headers: []}],
		['-X wins over data', 'curl -X PUT -d a=1 https://x.example/', {method: 'PUT', url: 'https://x.example/', body: 'a=1', headers: [['Content-Type', 'application/x-www-form-urlencoded']]}],
		['--json', 'curl --json \'{"a":1}\' https://x.example/', {method: 'POST', body: '{"a":1}', headers: [['Content-Type', 'application/json'], ['Accept', 'application/json']]}],
		['attached short values and --oauth2-bearer', 'curl -HX-A:1 -XPATCH --oauth2-bearer tok https://x.example/', {method: 'PATCH', headers: [['X-A', '1'], ['Authorization', 'Bearer tok']]}],
		['prompt and glob escapes', '$ curl \'https://x.example/a\\[1\\]\' -o out.html', {url: 'https://x.example/a[1]', headers: []}],
		['only the first of several commands', 'curl https://a.example/ ;\ncurl https://b.example/', {url: 'https://a.example/'}],
	])('%s', (_name, command, expected) => {
		expect(parsePastedResponse(command).request).toMatchObject(expected);
	});

	test('files it cannot open become warnings, not errors', () => {
		const result = parsePastedResponse('curl -d @body.json -b jar.txt https://x.example/');
		expect(result.warnings).toEqual(['The body is read from the file body.json, which was not opened.', 'Cookies are read from the file jar.txt, which was not opened.']);
	});

	test('a command followed by its output gives both', () => {
		const result = parsePastedResponse('$ curl -i https://x.example/admin\nHTTP/2 403 \ncontent-type: text/plain\n\nForbidden\n');
		expect(result.format).toBe('http');
		expect(result.request?.url).toBe('https://x.example/admin');
		expect(result.response).toMatchObject({status: 403, body: 'Forbidden'});
	});
});

describe('bad input is a typed error', () => {
	test.each([
		['empty', '', 'paste-empty'],
		['only whitespace and a BOM', '\uFEFF  \n\t\n', 'paste-empty'],
		['NUL bytes', 'HTTP/1.1 403 Forbidden\n\u0000\u0000', 'paste-binary'],
		['bytes of a PNG', new Uint8Array([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]), 'paste-binary'],
		['mostly control characters', '\u0001\u0002\u0003\u0004abc\u0005\u0006\u0007\u0008', 'paste-binary'],
		['prose', 'I get a 403 when I open the page, please help', 'paste-unrecognised'],
		['a curl command without URL', 'curl -v', 'paste-unrecognised'],
		['too large', 'x'.repeat(10 * 1024 * 1024 + 1), 'paste-too-large'],
	])('%s', (_name, input, code) => {
		let error: unknown;
		try {
			parsePastedResponse(input);
		} catch (caught) {
			error = caught;
		}

		expect(error).toBeInstanceOf(PasteError);
		expect((error as PasteError).code).toBe(code);
		expect((error as PasteError).message).not.toContain('\n');
	});
});

test('secretsInPaste finds what the paste carries, for the session redactor', () => {
	const exchange = parsePastedResponse(fixture('chrome-copy-as-curl-bash.txt'));
	const secrets = secretsInPaste(exchange);
	expect(secrets).toContain('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJl');
	expect(secrets).toContain('Zq9w3ZoDVHtFzm');
	const redactor = createRedactor().withSecrets(secrets);
	expect(redactor.text('echo: Zq9w3ZoDVHtFzm')).toBe('echo: [redacted]');
});

test('a header named __proto__ is an ordinary header', () => {
	const result = parsePastedResponse('HTTP/1.1 403 Forbidden\n__proto__: x\nconstructor: y\n\n');
	expect(Object.getPrototypeOf(result.response!.headers)).toBe(Object.prototype);
	expect(Object.hasOwn(result.response!.headers, '__proto__')).toBe(true);
	expect(result.response!.headers['constructor']).toBe('y');
});
