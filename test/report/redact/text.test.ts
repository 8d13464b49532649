import {Buffer} from 'node:buffer';
import {describe, expect, test} from 'vitest';
import {createRedactor} from '../../../src/report/redact/index.js';

const redactor = createRedactor();
// RFC 7519 §3.1 example JWS (header and claims of the RFC, signature from the RFC's example)
const jwt = 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const jwtRedacted = 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.[redacted]';

describe('free text', () => {
	test.each([
		['a JWT anywhere keeps header and claims', `token was ${jwt}.`, `token was ${jwtRedacted}.`],
		['a JWE keeps only its header', 'eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ', 'eyJhbGciOiJSU0EtT0FFUCJ9.[redacted].[redacted].[redacted].[redacted]'],
		['an unsecured JWT has nothing to hide', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'],
		// curl -v request lines (curl prints `> ` before each request header)
		['curl -v request headers', '> GET /api HTTP/2\r\n> Host: api.example.com\r\n> authorization: Bearer abcdef123456\r\n> cookie: sid=s3cr3tvalue\r\n>\r\n< HTTP/2 403', '> GET /api HTTP/2\r\n> Host: api.example.com\r\n> authorization: Bearer [redacted]\r\n> cookie: sid=[redacted]\r\n>\r\n< HTTP/2 403'],
		['a raw header block', 'Set-Cookie: PHPSESSID=el4ukv0kqbvoirg7nkp4dncpk3; path=/\nX-Api-Key: k-123456', 'Set-Cookie: PHPSESSID=[redacted]; path=/\nX-Api-Key: [redacted]'],
		// OAuth 2.0 token response, RFC 6749 §5.1
		['JSON token response', '{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"}', '{"access_token":"[redacted]","token_type":"example","expires_in":3600,"refresh_token":"[redacted]"}'],
		['JSON with spaces and a password', '{ "user": "bob", "password" : "hunter22" }', '{ "user": "bob", "password" : "[redacted]" }'],
		['form body', 'username=bob&password=hunter22&remember=1', 'username=bob&password=[redacted]&remember=1'],
		// S3 SignatureDoesNotMatch body (aws/aws-sdk-js issues; AWS error docs)
		['S3 SignatureDoesNotMatch keeps the string to sign', '<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20130524T000000Z</StringToSign><SignatureProvided>aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404</SignatureProvided></Error>', '<Error><Code>SignatureDoesNotMatch</Code><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20130524T000000Z</StringToSign><SignatureProvided>[redacted]</SignatureProvided></Error>'],
		// Django's CSRF hidden field and Rails' csrf meta tag
		['hidden CSRF field', '<input type="hidden" name="csrfmiddlewaretoken" value="Zq9w3ZoDVHtFzmLkQ">', '<input type="hidden" name="csrfmiddlewaretoken" value="[redacted]">'],
		['CSRF meta tag', '<meta name="csrf-token" content="vtaJFQ38doX0b7wQpp0G3H7aUk9HZQni3jHET4yS">', '<meta name="csrf-token" content="[redacted]">'],
		['Bearer in prose', 'The request sent Bearer abcdefgh12345 and got 403.', 'The request sent Bearer [redacted] and got 403.'],
		['URLs in prose', 'It redirected to https://b.s3.amazonaws.com/k?X-Amz-Signature=deadbeef01 and failed.', 'It redirected to https://b.s3.amazonaws.com/k?X-Amz-Signature=[redacted] and failed.'],
		['WWW-Authenticate challenge stays', 'WWW-Authenticate: Bearer realm="api", error="insufficient_scope", scope="read:files"', 'WWW-Authenticate: Bearer realm="api", error="insufficient_scope", scope="read:files"'],
		['ordinary prose stays', 'The session cookie was missing, so the server answered 403 Forbidden.', 'The session cookie was missing, so the server answered 403 Forbidden.'],
	])('%s', (_name, text, expected) => {
		expect(redactor.text(text)).toBe(expected);
	});
});

describe('literal secrets', () => {
	const secret = 'tok_9fQ2+x/Lm=Zp';
	const scrubbing = createRedactor({secrets: [secret, 'abc']});

	test.each([
		['as is', `echo: ${secret}!`],
		['percent-encoded', `q=${encodeURIComponent(secret)}`],
		['percent-encoded, lower-case hex', `q=${encodeURIComponent(secret).replace(/%[\dA-F]{2}/g, escape => escape.toLowerCase())}`],
		['JSON-escaped', JSON.stringify({echo: secret})],
		['HTML-escaped (no change here, but & < > would be)', `<p>${secret}</p>`],
		['base64', Buffer.from(secret).toString('base64')],
		['base64url', Buffer.from(secret).toString('base64url')],
		['hex', Buffer.from(secret).toString('hex')],
		['base64 inside a larger value (offset 1)', Buffer.from(`u:${secret}`).toString('base64')],
		['base64 inside a larger value (offset 2)', Buffer.from(`us:${secret}xyz`).toString('base64')],
		['base64 inside a larger value (offset 0)', Buffer.from(`${secret}:more`).toString('base64')],
	])('%s', (_name, text) => {
		const out = scrubbing.text(text);
		expect(out).toContain('[redacted]');
		expect(out).not.toContain(secret);
		expect(out).not.toContain(encodeURIComponent(secret));
		expect(Buffer.from(out.replaceAll('[redacted]', ''), 'base64').toString('latin1')).not.toContain(secret);
	});

	test('a secret shorter than 4 characters is not scrubbed from ordinary words', () => {
		expect(scrubbing.text('abcdef')).toBe('abcdef');
	});

	test('HTML-escaped form', () => {
		const html = createRedactor({secrets: ['a<b&c"d']});
		expect(html.text('<p>a&lt;b&amp;c&quot;d</p>')).toBe('<p>[redacted]</p>');
	});
});
