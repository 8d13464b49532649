import {createHmac} from 'node:crypto';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {decodeJwt, describeClaims, looksLikeJwt, readToken} from '../../src/evidence/jwt.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A real HS256 token, signed as jsonwebtoken/jose would sign it. */
function sign(claims: Record<string, unknown>, header: Record<string, unknown> = {alg: 'HS256', typ: 'JWT'}): string {
	const input = `${b64(header)}.${b64(claims)}`;
	return `${input}.${createHmac('sha256', 'secret').update(input).digest('base64url')}`;
}

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const nowSeconds = now / 1000;
const codes = (findings: Array<{code: string}>) => findings.map(finding => finding.code);

describe('decodeJwt', () => {
	it('decodes the jwt.io example', () => {
		const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
		expect(decodeJwt(token)).toEqual({header: {alg: 'HS256', typ: 'JWT'}, claims: {sub: '1234567890', name: 'John Doe', iat: 1_516_239_022}});
		expect(looksLikeJwt(token)).toBe(true);
	});

	it('reads the claims of a token whose signature was redacted, and still refuses a garbled signature', () => {
		const [head = '', body = ''] = sign({sub: 'a'}).split('.');
		expect(decodeJwt(`${head}.${body}.[redacted]`)).toEqual({header: {alg: 'HS256', typ: 'JWT'}, claims: {sub: 'a'}});
		expect(decodeJwt(`${head}.${body}.[garbled]`)).toHaveProperty('error');
	});

	it('tolerates whitespace, line breaks, a Bearer prefix and padding', () => {
		const token = sign({sub: 'a'});
		const [head = '', body = '', signature = ''] = token.split('.');
		expect(decodeJwt(` Bearer ${head}.\n${body.slice(0, 5)}\n  ${body.slice(5)}.${signature}\n`)).toEqual({header: {alg: 'HS256', typ: 'JWT'}, claims: {sub: 'a'}});
		expect(decodeJwt(`${head}==.${body}.${signature}`)).not.toHaveProperty('error');
	});

	it.each([
		['two parts', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0'],
		['standard base64', `${b64({alg: 'HS256'})}.${Buffer.from('{"a":"??>"}').toString('base64')}.sig`],
		['non-JSON payload', `${b64({alg: 'HS256'})}.${Buffer.from('hello').toString('base64url')}.sig`],
		['array payload', `${b64({alg: 'HS256'})}.${b64([1, 2])}.sig`],
		['invalid UTF-8', `${b64({alg: 'HS256'})}.${Buffer.from([0x7B, 0xFF, 0x7D]).toString('base64url')}.sig`],
		['too long', `${b64({alg: 'HS256'})}.${'A'.repeat(20_000)}.sig`],
		['encrypted JWE', 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ'],
	])('reports %s as an error, never throwing', (_name, token) => {
		expect(decodeJwt(token)).toHaveProperty('error');
	});

	it('never throws on arbitrary strings or dotted base64url noise', () => {
		const part = fc.string({unit: fc.constantFrom(...'AbZz09-_=+/ .')});
		fc.assert(fc.property(fc.string(), part, part, part, (any, a, b, c) => {
			for (const token of [any, `${a}.${b}.${c}`, `eyJ${a}.${b}.${c}`]) {
				const result = decodeJwt(token);
				expect(typeof result).toBe('object');
				expect(typeof looksLikeJwt(token)).toBe('boolean');
				expect(Array.isArray(readToken(token, {now}).findings)).toBe(true);
			}
		}));
	});
});

describe('readToken', () => {
	it('finds an expired token and says how long ago, by both clocks', () => {
		const token = sign({sub: 'u1', exp: nowSeconds - 3 * 3600, iat: nowSeconds - 4 * 3600});
		const {findings, decoded} = readToken(token, {now, serverDate: now + 20_000});
		const expired = findings.find(finding => finding.code === 'jwt.expired');
		expect(decoded?.claims['sub']).toBe('u1');
		expect(expired?.supports?.['token-expired']).toBe(0.9);
		expect(expired?.text).toContain('by this computer\'s clock 3 h ago');
		expect(expired?.text).toContain('by the server\'s clock 3 h ago');
		expect(codes(findings)).toContain('jwt.signature-unchecked');
	});

	it('forgives 60 s of leeway', () => {
		const {findings} = readToken(sign({exp: nowSeconds - 30}), {now});
		expect(codes(findings)).toContain('jwt.within-validity');
		expect(codes(findings)).not.toContain('jwt.expired');
	});

	it('does not blame expiry when only the local clock says so', () => {
		// exp 10 minutes ago locally, but the server's clock is 20 minutes behind: valid for the server.
		const {findings} = readToken(sign({exp: nowSeconds - 600}), {now, serverDate: now - 1_200_000});
		const expired = findings.find(finding => finding.code === 'jwt.expired');
		expect(expired?.supports?.['token-expired']).toBeLessThan(0.5);
		expect(findings.find(finding => finding.code === 'jwt.clock-skew')?.supports?.['clock-skew']).toBe(0.6);
	});

	it('calls a future nbf not yet valid, and flags clock skew when the server disagrees by minutes', () => {
		const token = sign({nbf: nowSeconds + 900, exp: nowSeconds + 4500});
		const plain = readToken(token, {now});
		expect(plain.findings.find(finding => finding.code === 'jwt.not-yet-valid')?.supports?.['token-expired']).toBe(0.8);
		const skewed = readToken(token, {now, serverDate: now + 600_000});
		expect(codes(skewed.findings)).toContain('jwt.clock-skew');
	});

	it('detects NumericDates written in milliseconds', () => {
		const {findings} = readToken(sign({iat: now, nbf: now, exp: now + 3_600_000}), {now});
		expect(codes(findings)).toEqual(expect.arrayContaining(['jwt.exp-in-milliseconds', 'jwt.nbf-in-milliseconds', 'jwt.iat-in-milliseconds']));
		expect(findings.find(finding => finding.code === 'jwt.nbf-in-milliseconds')?.supports?.['token-invalid']).toBeGreaterThan(0.5);
	});

	it('checks an audience array against the expected audience', () => {
		const token = sign({aud: ['https://api.example.com', 'account'], iss: 'https://login.example.com/', exp: nowSeconds + 600});
		expect(codes(readToken(token, {now, expectedAudience: 'account'}).findings)).not.toContain('jwt.wrong-audience');
		const wrong = readToken(token, {now, expectedAudience: ['https://billing.example.com']});
		const finding = wrong.findings.find(item => item.code === 'jwt.wrong-audience');
		expect(finding?.supports).toEqual({'token-invalid': 0.7});
		expect(finding?.text).toContain('"https://api.example.com", "account"');
		expect(wrong.findings.find(item => item.code === 'jwt.audience')?.text).toContain('issued by "https://login.example.com/"');
	});

	it('lists scopes, roles and permissions', () => {
		const {findings} = readToken(sign({scope: 'read:items write:items', roles: ['admin'], permissions: ['items:delete'], exp: nowSeconds + 60}), {now});
		expect(findings.find(finding => finding.code === 'jwt.scopes')?.data?.['scopes']).toEqual(['scope:read:items', 'scope:write:items', 'roles:admin', 'permissions:items:delete']);
	});

	it('flags unsigned tokens, non-numeric times and malformed JWTs; treats opaque tokens calmly', () => {
		expect(codes(readToken(sign({exp: nowSeconds + 60}, {alg: 'none'}), {now}).findings)).toContain('jwt.unsigned');
		expect(codes(readToken(sign({exp: String(nowSeconds + 60)}), {now}).findings)).toContain('jwt.exp-not-numeric');
		const malformed = readToken('eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln', {now});
		expect(malformed.findings[0]?.supports).toEqual({'token-invalid': 0.6});
		expect(malformed.decoded).toBeUndefined();
		// A GitHub personal access token: opaque, no error.
		const opaque = readToken('ghp_16C7e42F292c6912E7710c838347Ae178B4a', {now});
		expect(opaque.findings).toEqual([expect.objectContaining({code: 'token.opaque', mark: 'info'})]);
		expect(opaque.findings[0]?.supports).toBeUndefined();
	});
});

describe('describeClaims', () => {
	it('shows header and claims with readable times, never the signature', () => {
		const token = sign({sub: 'u1', exp: 1_764_072_000, aud: ['a', 'b']});
		const decoded = decodeJwt(token);
		if ('error' in decoded) {
			throw new Error(decoded.error);
		}

		const text = describeClaims(decoded);
		expect(text).toBe('header: {"alg":"HS256","typ":"JWT"}\nsub: u1\nexp: 1764072000 (2025-11-25T12:00:00Z)\naud: ["a","b"]');
		expect(text).not.toContain(token.split('.')[2]);
	});
});
