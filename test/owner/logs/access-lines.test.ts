import {describe, expect, test} from 'vitest';
import {parseAccessLine} from '../../../src/owner/logs/parse-access-line.js';
import {concernsPath, urlPathOf} from '../../../src/owner/logs/path-match.js';
import {uaFamily} from '../../../src/owner/logs/ua-family.js';

describe('parseAccessLine', () => {
	test('Apache docs, Common Log Format example (httpd.apache.org/docs/2.4/logs.html)', () => {
		expect(parseAccessLine('127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326')).toEqual({
			client: '127.0.0.1',
			forwardedFor: undefined,
			user: 'frank',
			time: '2000-10-10T13:55:36-07:00',
			epochMs: Date.parse('2000-10-10T20:55:36Z'),
			hour: '2000-10-10T13',
			request: 'GET /apache_pb.gif HTTP/1.0',
			method: 'GET',
			target: '/apache_pb.gif',
			status: 200,
			bytes: 2326,
			referer: undefined,
			userAgent: undefined,
			vhost: undefined,
		});
	});

	test('Apache docs, Combined Log Format example', () => {
		expect(parseAccessLine('127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"'))
			.toMatchObject({referer: 'http://www.example.com/start.html', userAgent: 'Mozilla/4.08 [en] (Win98; I ;Nav)'});
	});

	test.each([
		// nginx 1.22.1 `combined` on a unix socket, captured in this project's lab.
		['unix: - - [25/Nov/2026:13:25:10 +0000] "GET /secret.html HTTP/1.1" 403 153 "-" "curl/7.88.1"', {client: 'unix:', status: 403, target: '/secret.html', userAgent: 'curl/7.88.1', referer: undefined}],
		// Apache 2.4 combined (%O), lab capture.
		['127.0.0.1 - - [25/Nov/2026:13:40:17 +0000] "GET /dir/ HTTP/1.1" 403 400 "-" "curl/7.88.1"', {client: '127.0.0.1', status: 403, target: '/dir/'}],
		// Debian's `vhost_combined` (%v:%p first).
		['example.com:443 203.0.113.5 - - [02/Jan/2026:03:04:05 +0100] "GET /x HTTP/2.0" 403 199 "-" "Mozilla/5.0"', {vhost: 'example.com:443', client: '203.0.113.5', hour: '2026-01-02T03'}],
		// nginx's packaged `main` format ends with "$http_x_forwarded_for".
		['10.0.0.2 - - [02/Jan/2026:03:04:05 +0000] "GET /x HTTP/1.1" 403 153 "-" "python-requests/2.31.0" "198.51.100.7, 10.0.0.1"', {client: '10.0.0.2', forwardedFor: '198.51.100.7'}],
		// Custom suffix (request time, upstream time) is tolerated.
		['::1 - - [02/Jan/2026:03:04:05 +0000] "GET /api?x=1 HTTP/1.1" 403 0 "-" "Go-http-client/1.1" rt=0.001 uct="-"', {client: '::1', target: '/api?x=1', bytes: 0}],
		// A TLS handshake sent to the plain port, as nginx escapes it.
		['203.0.113.9 - - [02/Jan/2026:03:04:05 +0000] "\\x16\\x03\\x01\\x00\\xF5\\x01" 400 157 "-" "-"', {status: 400, method: undefined, userAgent: undefined}],
		// Escaped quote inside the User-Agent.
		['203.0.113.9 - - [02/Jan/2026:03:04:05 +0000] "GET / HTTP/1.1" 200 5 "-" "Bot \\"quoted\\" 1.0"', {userAgent: 'Bot "quoted" 1.0'}],
	])('%s', (line, expected) => {
		expect(parseAccessLine(line)).toMatchObject(expected);
	});

	test('other formats and noise are not access lines', () => {
		expect(parseAccessLine('2026/11/25 13:25:10 [error] 1#1: *1 open() failed')).toBeUndefined();
		expect(parseAccessLine('{"time":"2026-01-01","status":403}')).toBeUndefined();
		expect(parseAccessLine('')).toBeUndefined();
	});
});

describe('User-Agent families', () => {
	test.each([
		['curl/8.5.0', 'curl', 'tool'],
		['python-requests/2.31.0', 'python-requests', 'library'],
		['Go-http-client/2.0', 'go-http-client', 'library'],
		['got (https://github.com/sindresorhus/got)', 'node', 'library'],
		['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Googlebot', 'bot'],
		['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Chrome', 'browser'],
		['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', 'Edge', 'browser'],
		['Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox', 'browser'],
		['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', 'Safari', 'browser'],
		['-', '(none)', 'empty'],
		[undefined, '(none)', 'empty'],
		['MyApp/1.0', 'MyApp', 'other'],
	])('%s', (ua, family, kind) => {
		expect(uaFamily(ua)).toEqual({family, kind});
	});
});

describe('does a log line concern the requested path?', () => {
	test.each([
		[{urlPath: '/secret.html'}, {request: 'GET /secret.html?x=1 HTTP/1.1'}, true],
		[{urlPath: '/a b.html'}, {request: 'GET /a%20b.html HTTP/1.1'}, true],
		[{urlPath: '/secret.html'}, {request: 'GET /other.html HTTP/1.1'}, false],
		[{urlPath: '/dir/'}, {fs: '/srv/www/dir/'}, true],
		[{urlPath: '/dir'}, {fs: '/srv/www/dir/'}, true],
		[{urlPath: '/x.html'}, {fs: '/srv/www/other/x.html.bak'}, false],
		[{urlPath: '/'}, {fs: '/srv/www/dir/'}, false],
		[{urlPath: '/'}, {request: 'GET / HTTP/1.1', fs: '/srv/www/index.html'}, true],
		[{urlPath: '/', fsPath: '/srv/www/'}, {fs: '/srv/www'}, true],
		[{urlPath: '/login'}, {url: '/login'}, true],
		[{}, {request: 'GET /anything HTTP/1.1'}, true],
		[{urlPath: '/%E0%A4%A'}, {request: 'GET /%E0%A4%A HTTP/1.1'}, true],
		// AH00529 names the .htaccess of a folder above the file.
		[{urlPath: '/priv/x.html'}, {fs: '/srv/www/priv/.htaccess', fsIsFolderAbove: true}, true],
		[{urlPath: '/other/x.html'}, {fs: '/srv/www/priv/.htaccess', fsIsFolderAbove: true}, false],
		[{urlPath: '/x.html', fsPath: '/srv/www/x.html'}, {fs: '/srv/www/.htaccess', fsIsFolderAbove: true}, true],
	])('%j %j', (filter, paths, expected) => {
		expect(concernsPath(filter, paths)).toBe(expected);
	});

	test('absolute-form targets and fragments reduce to the path', () => {
		expect(urlPathOf('http://example.com/x?y#z')).toBe('/x');
		expect(urlPathOf('')).toBe('/');
	});
});
