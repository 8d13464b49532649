import {describe, expect, it} from 'vitest';
import {isSignatureParam, secretParamNames, signatureParamNames} from '../../../src/evidence/signed-url/secret-params.js';

describe('signature parameter names', () => {
	it('covers the signatures and tokens of every scheme, case-insensitively', () => {
		for (const name of ['X-Amz-Signature', 'x-amz-security-token', 'Signature', 'X-Goog-Signature', 'sig', 'md5', 'token', 'access_token']) {
			expect(isSignatureParam(name)).toBe(true);
		}

		expect(signatureParamNames).toContain('X-Amz-Security-Token');
	});

	it('keeps the evidence visible: dates, expiries, key ids, scopes, policies', () => {
		for (const name of ['X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'Expires', 'Key-Pair-Id', 'Policy', 'se', 'st', 'sp', 'sv', 'X-Goog-Credential', 'GoogleAccessId', 'expires']) {
			expect(isSignatureParam(name)).toBe(false);
		}
	});

	it('names the secret parameters of a URL as spelled, treating st by context', () => {
		expect(secretParamNames('https://b.s3.amazonaws.com/k?X-Amz-Date=20130524T000000Z&x-amz-signature=abc&X-Amz-Security-Token=t')).toEqual(['x-amz-signature', 'X-Amz-Security-Token']);
		expect(secretParamNames('https://cdn.example.com/v.mp4?st=XyZ&e=1764072000')).toEqual(['st']);
		expect(secretParamNames('https://a.blob.core.windows.net/c/b?sv=2022-11-02&st=2026-01-01&se=2026-01-02&sig=x')).toEqual(['sig']);
		expect(secretParamNames('%%%')).toEqual([]);
	});
});
