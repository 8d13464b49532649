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
GitHub's secondary rate limit: 403 (or 429) with Retry-After and the message GitHub documents
(docs.github.com rest/using-the-rest-api/rate-limits-for-the-rest-api; REFERENCE.md §2.6). The lab's quota is
spent for good, so every search request is refused.
*/
function searchLimited(request: LabRequest): LabReply {
	const id = `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(3).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`;
	return json(
		403,
		{
			message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${id}.`,
			documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
		},
		{
			Server: 'github.com',
			'Retry-After': '60',
			'x-github-media-type': 'github.v3; format=json',
			'x-ratelimit-limit': '30',
			'x-ratelimit-remaining': '22',
			'x-ratelimit-reset': String(Math.floor(request.now / 1000) + 60),
			'x-ratelimit-used': '8',
			'x-ratelimit-resource': 'code_search',
			'x-github-request-id': id,
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
