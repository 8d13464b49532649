import {randomBytes} from 'node:crypto';
import {httpDate} from '../pages/http-date.js';
import {springError} from '../pages/spring-error.js';
import {bearerOf, verifyToken} from '../lab-token.js';
import type {LabReply, LabRequest, LabRoute, LabSetting} from '../types.js';
import {labTokens} from '../lab-tokens.js';
import {under} from './match.js';

const json = (status: number, body: unknown, headers: Record<string, string>, now: number): LabReply => ({
	status,
	headers: {Date: httpDate(now), 'Content-Type': 'application/json; charset=utf-8', ...headers},
	body: JSON.stringify(body),
});

/** The token's claims when it is this lab's and not expired. */
function liveClaims(request: LabRequest): Record<string, unknown> | undefined {
	const token = bearerOf(request.headers['authorization']);
	const claims = token === undefined ? undefined : verifyToken(token);
	return claims && typeof claims['exp'] === 'number' && claims['exp'] * 1000 > request.now ? claims : undefined;
}

/**
An OAuth 2.0 resource server (RFC 6750 §3): 401 with a bare `Bearer realm` without a token, 401
`invalid_token` for a bad or expired one, 403 `insufficient_scope` naming the scope it needs — worded as
fosite-based servers do (search id 67268383767).
*/
function scopedUsers(request: LabRequest): LabReply {
	const token = bearerOf(request.headers['authorization']);
	if (token === undefined) {
		return json(401, {error: 'unauthorized'}, {'WWW-Authenticate': 'Bearer realm="lab-api"'}, request.now);
	}

	const claims = liveClaims(request);
	if (!claims) {
		return json(401, {error: 'invalid_token', error_description: 'The access token expired or is invalid.'}, {'WWW-Authenticate': 'Bearer realm="lab-api", error="invalid_token", error_description="The access token expired or is invalid."'}, request.now);
	}

	const scopes = String(claims['scope'] ?? '').split(' ');
	if (!scopes.includes('users:admin')) {
		const description = 'The request requires higher privileges than provided by the access token.';
		return json(403, {error: 'insufficient_scope', error_description: description}, {'WWW-Authenticate': `Bearer realm="lab-api", error="insufficient_scope", error_description="${description}", scope="users:admin"`}, request.now);
	}

	return json(200, [{id: 'u_1', name: 'Ada'}], {}, request.now);
}

/**
GitHub's secondary rate limit, as captured on 2026-04-07 (search id 51928468379): 403 with `retry-after: 60`,
no `x-ratelimit-*` headers (those belong to the primary limit), and this JSON body. The lab's quota stays spent,
so every search is refused.
*/
function searchLimited(request: LabRequest): LabReply {
	const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();
	const id = `${hex(2)}:${hex(3).slice(1)}:${hex(3).slice(1)}:${hex(3).slice(1)}:${hex(4)}`;
	return json(
		403,
		{
			documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
			message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. For more on scraping GitHub and how it may affect your rights, please review our Terms of Service (https://docs.github.com/en/site-policy/github-terms/github-terms-of-service) If you reach out to GitHub Support for help, please include the request ID ${id}.`,
		},
		{
			'retry-after': '60',
			'access-control-expose-headers': 'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
			'access-control-allow-origin': '*',
			'x-github-media-type': 'github.v3; format=json',
			'strict-transport-security': 'max-age=31536000; includeSubdomains; preload',
			'x-frame-options': 'deny',
			'x-content-type-options': 'nosniff',
			'x-xss-protection': '0',
			'referrer-policy': 'origin-when-cross-origin, strict-origin-when-cross-origin',
			'content-security-policy': 'default-src \'none\'',
			vary: 'Accept-Encoding, Accept, X-Requested-With',
			'x-github-request-id': id,
			server: 'github.com',
		},
		request.now,
	);
}

/** APIs: a token without the scope, an expired token, a secondary rate limit. */
export function apiRoutes(setting: LabSetting): LabRoute[] {
	const tokens = labTokens(setting);
	return [
		{
			path: {
				path: '/api/v1/admin/users',
				title: 'Token without the needed scope',
				cause: 'insufficient-scope',
				hint: 'The token is valid but carries only users:read; the admin endpoint wants users:admin and says so in WWW-Authenticate.',
				status: 403,
				presets: {token: tokens.readOnly},
			},
			matches: under('/api/v1/admin/users'),
			handle: scopedUsers,
		},
		{
			path: {
				path: '/api/v2/orders',
				title: 'Expired JWT (Spring Boot API)',
				cause: 'token-expired',
				hint: 'The access token expired an hour ago; this Spring app answers 403 instead of 401, with its bare default error body.',
				status: 403,
				presets: {token: tokens.expired},
			},
			matches: under('/api/v2/orders'),
			handle: request => (liveClaims(request) ? json(200, [{id: 'ord_1001', total: '42.00'}], {}, request.now) : springError(403, 'Forbidden', request.url.pathname, request.now)),
		},
		{
			path: {
				path: '/api/search/code?q=addClass+in:file+language:js',
				title: 'Rate limit (GitHub-style secondary limit)',
				cause: 'rate-limited',
				hint: 'Too many searches in a short time: the API answers 403 with Retry-After: 60 until the client slows down.',
				status: 403,
				presets: {headers: [['Accept', 'application/vnd.github+json']], userAgent: 'octo-sync/1.4'},
			},
			matches: under('/api/search'),
			handle: searchLimited,
		},
	];
}
