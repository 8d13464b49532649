import http from 'node:http';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {HeaderMap, ResponseView} from '../../src/evidence/types.js';
import {parseWwwAuthenticate, readWwwAuthenticate} from '../../src/evidence/www-authenticate.js';
import {reply, startLoopback} from '../helpers/loopback.js';

/** Answers a request from a real loopback server, read back as Node hands it to a probe. */
async function exchange(status: number, headers: Record<string, string | string[]>, requestHeaders: Record<string, string> = {}): Promise<ResponseView> {
	const server = await startLoopback(reply(status, headers, ''));
	try {
		const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
			http.get(`${server.origin}/api`, {headers: requestHeaders}, resolve).on('error', reject);
		});
		response.resume();
		const received: HeaderMap = {};
		for (const [name, value] of Object.entries(response.headers)) {
			if (value !== undefined) {
				received[name] = value;
			}
		}

		return {url: `${server.origin}/api`, method: 'GET', status: response.statusCode ?? 0, headers: received, body: '', requestHeaders};
	} finally {
		await server.close();
	}
}

const view = (status: number, value: string | string[], requestHeaders: Record<string, string> = {}): ResponseView => ({
	url: 'https://api.example.com/v1/items', method: 'GET', status, headers: {'www-authenticate': value}, body: '', requestHeaders,
});

describe('parseWwwAuthenticate', () => {
	it('reads RFC 6750 challenges with quoted strings', () => {
		// RFC 6750 §3 example.
		expect(parseWwwAuthenticate('Bearer realm="example", error="invalid_token", error_description="The access token expired"')).toEqual([
			{scheme: 'Bearer', params: {realm: 'example', error: 'invalid_token', error_description: 'The access token expired'}},
		]);
	});

	it('keeps commas inside quotes and needs no space after commas', () => {
		// Docker registry token auth (distribution/distribution docs/spec/auth/token.md).
		const [challenge] = parseWwwAuthenticate('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"');
		expect(challenge?.params).toEqual({realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push'});
	});

	it('splits several challenges, with token68 and parameter forms', () => {
		// RFC 7616 §3.9.1 offers two Digest challenges in one field; IIS sends Negotiate and NTLM.
		const digest = 'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"';
		const parsed = parseWwwAuthenticate(digest);
		expect(parsed.map(challenge => challenge.params['algorithm'])).toEqual(['SHA-256', 'MD5']);
		expect(parsed[0]?.params['qop']).toBe('auth, auth-int');
		expect(parseWwwAuthenticate('Negotiate, NTLM')).toEqual([{scheme: 'Negotiate', params: {}}, {scheme: 'NTLM', params: {}}]);
		expect(parseWwwAuthenticate('Negotiate YIIFyQYGKwYBBQUCoIIFvTCCBbmgMDAuBgkqhkiC9xIBAgIGCSqGSIb3==, Basic realm="corp"')).toEqual([
			{scheme: 'Negotiate', params: {}, token68: 'YIIFyQYGKwYBBQUCoIIFvTCCBbmgMDAuBgkqhkiC9xIBAgIGCSqGSIb3=='},
			{scheme: 'Basic', params: {realm: 'corp'}},
		]);
	});

	it('unescapes quoted pairs, lower-cases names, keeps the first duplicate and survives junk', () => {
		expect(parseWwwAuthenticate('Basic Realm="say \\"hi\\" \\\\ bye", realm="second", charset="UTF-8"')[0]?.params).toEqual({realm: 'say "hi" \\ bye', charset: 'UTF-8'});
		expect(parseWwwAuthenticate('Bearer error=invalid_token, scope=read write')[0]?.params).toEqual({error: 'invalid_token', scope: 'read write'});
		expect(parseWwwAuthenticate(',, "junk", Bearer realm="x"')).toEqual([{scheme: 'Bearer', params: {realm: 'x'}}]);
		expect(parseWwwAuthenticate('Bearer realm="unterminated')[0]?.params).toEqual({realm: 'unterminated'});
		expect(parseWwwAuthenticate('Bearer __proto__="x"')[0]?.params['__proto__']).toBe('x');
		expect(parseWwwAuthenticate('')).toEqual([]);
	});

	it('never throws and always returns named schemes', () => {
		fc.assert(fc.property(fc.string(), fc.string({unit: fc.constantFrom('"', '\\', ',', '=', ' ', 'a', 'B', ';')}), (a, b) => {
			for (const input of [a, b, `Bearer ${b}`, `${a}, Basic realm="${b}`]) {
				const challenges = parseWwwAuthenticate(input);
				expect(challenges.every(challenge => challenge.scheme.length > 0)).toBe(true);
			}
		}));
	});
});

describe('readWwwAuthenticate', () => {
	it('finds insufficient scope on a 403, with the scope needed', () => {
		// GitHub-style resource server answer per RFC 6750 §3.1.
		const findings = readWwwAuthenticate(view(403, 'Bearer realm="api", error="insufficient_scope", scope="repo admin:org"', {authorization: 'Bearer x'}));
		const finding = findings.find(item => item.code === 'www-authenticate.insufficient-scope');
		expect(finding?.supports).toEqual({'insufficient-scope': 0.9});
		expect(finding?.text).toContain('scope="repo admin:org"');
		expect(finding?.fix?.api?.[0]).toContain('repo admin:org');
	});

	it('tells an expired token from an invalid one by its description', () => {
		const expired = readWwwAuthenticate(view(401, 'Bearer realm="example", error="invalid_token", error_description="The access token expired"', {authorization: 'Bearer x'}));
		expect(expired.map(item => item.code)).toContain('www-authenticate.token-expired');
		// express-oauth2-jwt-bearer passes jose's message through.
		const jose = readWwwAuthenticate(view(401, 'Bearer realm="api", error="invalid_token", error_description="\\"exp\\" claim timestamp check failed"', {authorization: 'Bearer x'}));
		expect(jose.find(item => item.code === 'www-authenticate.token-expired')?.supports?.['token-expired']).toBeGreaterThan(0.8);
		const bad = readWwwAuthenticate(view(401, 'Bearer error="invalid_token", error_description="signature verification failed"', {authorization: 'Bearer x'}));
		expect(bad.find(item => item.code === 'www-authenticate.token-invalid')?.supports?.['token-invalid']).toBeGreaterThan(0.7);
	});

	it('sees missing credentials in a bare challenge to a request without any', () => {
		const findings = readWwwAuthenticate(view(401, 'Bearer realm="example"'));
		expect(findings.find(item => item.code === 'www-authenticate.missing-credentials')?.supports).toEqual({'missing-credentials': 0.85});
		const withToken = readWwwAuthenticate(view(401, 'Bearer realm="example"', {authorization: 'Bearer abc'}));
		expect(withToken.map(item => item.code)).not.toContain('www-authenticate.missing-credentials');
		expect(withToken.map(item => item.code)).toContain('www-authenticate.credentials-rejected');
	});

	it('reads invalid_request according to whether credentials were sent', () => {
		expect(readWwwAuthenticate(view(400, 'Bearer error="invalid_request"')).find(item => item.code === 'www-authenticate.invalid-request')?.supports).toEqual({'missing-credentials': 0.6});
	});

	it('says nothing without a challenge', () => {
		expect(readWwwAuthenticate({url: 'https://x/', method: 'GET', status: 403, headers: {}, body: ''})).toEqual([]);
	});

	it('reads two challenge lines as a real server sends them', async () => {
		const received = await exchange(401, {'www-authenticate': ['Negotiate', 'Bearer realm="api", error="invalid_token", error_description="Token expired, please refresh"']}, {authorization: 'Bearer abc'});
		const findings = readWwwAuthenticate(received);
		expect(findings[0]?.data?.['challenges']).toEqual([
			{scheme: 'Negotiate', realm: undefined, error: undefined, scope: undefined},
			{scheme: 'Bearer', realm: 'api', error: 'invalid_token', scope: undefined},
		]);
		expect(findings.map(item => item.code)).toContain('www-authenticate.token-expired');
	});
});
