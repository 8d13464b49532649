import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bodyText, jsonMessages, maskTokens, readAuthTexts} from '../../src/evidence/auth-texts.js';
import type {ResponseView} from '../../src/evidence/types.js';

const view = (status: number, body: string, requestHeaders: Record<string, string> = {}): ResponseView => ({
	url: 'https://api.example.com/orders', method: 'GET', status, headers: {}, body, requestHeaders,
});
const codes = (sample: ResponseView) => readAuthTexts(sample).map(finding => finding.code);

describe('readAuthTexts', () => {
	it('reads express-jwt\'s missing token', () => {
		const [finding] = readAuthTexts(view(401, '{"error":"UnauthorizedError","message":"No authorization token was found"}'));
		expect(finding).toMatchObject({code: 'auth-text.no-token', supports: {'missing-credentials': 0.6}});
	});

	it('reads jsonwebtoken and jose expiry messages, and does not also call them invalid', () => {
		expect(readAuthTexts(view(401, '{"message":"jwt expired"}', {authorization: 'Bearer x'}))[0]?.supports).toEqual({'token-expired': 0.5});
		// Supabase Storage capture: 400 {"error":"InvalidJWT","message":"\"exp\" claim timestamp check failed"}.
		expect(codes(view(400, '{"statusCode":"400","error":"InvalidJWT","message":"\\"exp\\" claim timestamp check failed"}', {authorization: 'Bearer x'}))).toEqual(['auth-text.token-expired']);
		expect(codes(view(401, '{"message":"jwt malformed"}', {authorization: 'Bearer x'}))).toEqual(['auth-text.token-invalid']);
	});

	it('reads a session-expired page, weighted by whether a cookie was sent', () => {
		const page = '<html><head><title>Session expired</title></head><body><h1>Your session has expired</h1><p>For your security, please sign in again.</p></body></html>';
		expect(readAuthTexts(view(403, page, {cookie: 'sid=abc'}))[0]?.supports).toEqual({'session-expired': 0.5});
		expect(readAuthTexts(view(403, page))[0]?.supports).toEqual({'session-expired': 0.25});
	});

	it('reads login-required texts modestly', () => {
		expect(readAuthTexts(view(403, '<p>You must be logged in to view this page.</p>'))[0]).toMatchObject({code: 'auth-text.login-required', supports: {'missing-credentials': 0.4}});
	});

	it('reads scope problems in JSON 403 bodies', () => {
		expect(readAuthTexts(view(403, '{"error":"forbidden","message":"Token is missing required scope: read:orders"}'))[0]).toMatchObject({code: 'auth-text.insufficient-scope', supports: {'insufficient-scope': 0.4}});
		expect(readAuthTexts(view(403, '{"error":"forbidden","message":"This action needs the orders:admin scope."}'))[0]?.code).toBe('auth-text.scope-mentioned');
	});

	it('leaves object-store errors, API Gateway\'s message and successes alone', () => {
		expect(readAuthTexts(view(403, '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/x is not authorized to perform: s3:GetObject</Message></Error>'))).toEqual([]);
		expect(readAuthTexts(view(403, '{"message":"Missing Authentication Token"}'))).toEqual([]);
		expect(readAuthTexts(view(200, '{"message":"jwt expired"}'))).toEqual([]);
		expect(readAuthTexts(view(403, '<h1>403 Forbidden</h1>'))).toEqual([]);
	});

	it('never throws', () => {
		fc.assert(fc.property(fc.string(), fc.json(), (text, json) => {
			expect(Array.isArray(readAuthTexts(view(403, text)))).toBe(true);
			expect(Array.isArray(readAuthTexts(view(401, json)))).toBe(true);
		}));
	});
});

describe('helpers', () => {
	it('extracts readable text and JSON messages', () => {
		expect(bodyText('<html><head><style>p{}</style><script>var a="<b>";</script></head><body><p>Access&nbsp;denied &amp; logged&#33;</p></body></html>')).toBe('Access denied & logged!');
		expect(jsonMessages('{"error":{"code":"forbidden","message":"no","details":[{"reason":"SCOPE"}]},"n":1}')).toEqual(['forbidden', 'no', 'SCOPE']);
		expect(jsonMessages('not json')).toEqual([]);
		// An unclosed script swallows the rest; stray `<` are kept as text.
		expect(bodyText('<p>Login required</p><script>var x = "<p>hidden</p>";')).toBe('Login required');
		expect(bodyText('a < b <i>and</i> c')).toBe('a < b and c');
	});
});

describe('maskTokens', () => {
	it('hides echoed tokens in quoted text but keeps words', () => {
		const sample = view(401, '{"message":"jwt expired for eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 at 2026"}', {authorization: 'Bearer x'});
		expect(readAuthTexts(sample)[0]?.text).toBe('The response says the token has expired: "jwt expired for [redacted] at 2026".');
		expect(maskTokens('Internationalization_of_everything works')).toBe('Internationalization_of_everything works');
	});
});
