import {describe, expect, test} from 'vitest';
import {createRedactor} from '../../../src/report/redact/index.js';

const redactor = createRedactor({extraHeaderNames: ['X-Tenant-Ref']});

describe('header values', () => {
	test.each([
		['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'Bearer [redacted]'],
		['Authorization', 'Basic dXNlcjpodW50ZXIy', 'Basic [redacted]'],
		['authorization', 'token ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'token [redacted]'],
		['authorization', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', '[redacted]'],
		['proxy-authorization', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l', 'Basic [redacted]'],
		// AWS SigV4 header example: https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
		[
			'authorization',
			'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-date,Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
			'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-date,Signature=[redacted]',
		],
		// RFC 7616 §3.9.1 example
		[
			'authorization',
			'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", response="8ca523f5e9506fed4657c9700eebdbec"',
			'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", nc=00000001, cnonce="[redacted]", response="[redacted]"',
		],
		['cookie', 'sessionid=38afes7a8; csrftoken=Zq9w3ZoDVHtFzm; theme=dark', 'sessionid=[redacted]; csrftoken=[redacted]; theme=[redacted]'],
		['cookie', 'flag; a=', '[redacted]; a='],
		// Cloudflare bot-management cookie as set by the edge (developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/)
		[
			'set-cookie',
			'__cf_bm=rKD0mFn2T0dLQ3C8WUk5.3b1_Ci1ztxJ9RbaZcxXTwA-1700000000-1.0.1.1-abc; path=/; expires=Tue, 25-Nov-26 10:30:00 GMT; domain=.example.com; HttpOnly; Secure; SameSite=None',
			'__cf_bm=[redacted]; path=/; expires=Tue, 25-Nov-26 10:30:00 GMT; domain=.example.com; HttpOnly; Secure; SameSite=None',
		],
		['set-cookie', 'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/', 'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/'],
		['x-api-key', 'AIzaSyD-EXAMPLE-KEY-123', '[redacted]'],
		['X-Goog-Api-Key', 'AIzaSyD-EXAMPLE-KEY-123', '[redacted]'],
		['Ocp-Apim-Subscription-Key', '0123456789abcdef0123456789abcdef', '[redacted]'],
		['x-amz-security-token', 'IQoJb3JpZ2luX2VjEXAMPLE', '[redacted]'],
		['x-csrf-token', 'Zq9w3ZoDVHtFzm', '[redacted]'],
		['x-session-id', 'a1b2c3d4', '[redacted]'],
		['X-Client-Secret', 'shh', '[redacted]'],
		['x-tenant-ref', 'tenant-42', '[redacted]'],
		['x-api-key', '', ''],
		// RFC 6750 §3 example challenge: evidence, stays
		['www-authenticate', 'Bearer realm="example", error="invalid_token", error_description="The access token expired"', 'Bearer realm="example", error="invalid_token", error_description="The access token expired"'],
		['server', 'cloudflare', 'cloudflare'],
		['cf-ray', '8c1f2a3b4d5e6f70-FRA', '8c1f2a3b4d5e6f70-FRA'],
		['location', 'https://bucket.s3.amazonaws.com/k?X-Amz-Expires=60&X-Amz-Signature=abcdef0123456789', 'https://bucket.s3.amazonaws.com/k?X-Amz-Expires=60&X-Amz-Signature=[redacted]'],
		['referer', '/login?next=/admin&token=abc123', '/login?next=/admin&token=[redacted]'],
	])('%s: %s', (name, value, expected) => {
		expect(redactor.headerValue(name, value)).toBe(expected);
	});

	test('a HeaderMap keeps names and every value of a repeated header', () => {
		expect(redactor.headers({
			'set-cookie': ['a=secret-value-1; Path=/', 'b=secret-value-2; HttpOnly'],
			'content-type': 'text/html',
		})).toEqual({
			'set-cookie': ['a=[redacted]; Path=/', 'b=[redacted]; HttpOnly'],
			'content-type': 'text/html',
		});
	});

	test('header pairs keep order and case of names', () => {
		expect(redactor.headerPairs([['Authorization', 'Bearer abc.def.ghi'], ['Accept', '*/*'], ['Cookie', 'sid=1234']])).toEqual([
			['Authorization', 'Bearer [redacted]'],
			['Accept', '*/*'],
			['Cookie', 'sid=[redacted]'],
		]);
	});

	test('does not mutate its input', () => {
		const headers = {authorization: 'Bearer abcdefgh'};
		redactor.headers(headers);
		expect(headers.authorization).toBe('Bearer abcdefgh');
	});
});

test('keepJwtClaims keeps a bearer JWT\'s header and claims only', () => {
	const keeping = createRedactor({keepJwtClaims: true});
	expect(keeping.headerValue('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJl')).toBe('Bearer eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwMDAwMDB9.[redacted]');
	expect(keeping.headerValue('Authorization', 'Bearer opaque-token-value')).toBe('Bearer [redacted]');
	expect(keeping.withSecrets(['x-secret-1']).options.keepJwtClaims).toBe(true);
});

test('query strings and form bodies', () => {
	expect(createRedactor().query('user=bob&password=hunter22&next=%2Fhome')).toBe('user=bob&password=[redacted]&next=%2Fhome');
});
