import {Buffer} from 'node:buffer';
import fc from 'fast-check';
import {expect, test} from 'vitest';
import {createRedactor} from '../../../src/report/redact/index.js';
import {sampleProbe, sampleReport} from '../../helpers/sample-report.js';

/** Token-shaped secrets: the alphabet of bearer tokens, API keys and cookie values. */
const secret = fc.stringMatching(/^[\w.~+/-]{10,40}$/).filter(value => !'[redacted]'.includes(value) && /[A-Za-z\d]{3}/.test(value));
/** Surrounding text: printable ASCII and some Unicode, no secret alphabet constraints. */
const filler = fc.string({unit: 'grapheme', maxLength: 30});

const forms = (value: string) => [value, encodeURIComponent(value), Buffer.from(value).toString('base64').replace(/=+$/, '')];

function expectGone(output: string, value: string): void {
	for (const form of forms(value)) {
		expect(output).not.toContain(form);
	}
}

test('declared secrets never survive text, whatever surrounds them and however they are encoded', () => {
	fc.assert(fc.property(secret, filler, filler, fc.constantFrom('raw', 'url', 'base64', 'base64-inside', 'json'), (value, before, after, form) => {
		const embedded = {
			raw: value,
			url: encodeURIComponent(value),
			base64: Buffer.from(value).toString('base64'),
			'base64-inside': Buffer.from(`${before.length}:${value}`).toString('base64'),
			json: JSON.stringify(value),
		}[form];
		const output = createRedactor({secrets: [value]}).text(`${before}${embedded}${after}`);
		expectGone(output, value);
	}), {numRuns: 1500});
});

test('undeclared tokens in credential positions never survive', () => {
	fc.assert(fc.property(secret, filler, fc.constantFrom('Bearer', 'Basic', 'token'), (value, note, scheme) => {
		const redactor = createRedactor();
		expect(redactor.headerValue('Authorization', `${scheme} ${value}`)).toBe(`${scheme} [redacted]`);
		expect(redactor.headerValue('Cookie', `a=${value}; b=${value}x`)).not.toContain(value);
		expect(redactor.headerValue('Set-Cookie', `sid=${value}; Path=/`)).not.toContain(value);
		expect(redactor.headerValue('X-Api-Key', value)).not.toContain(value);
		expect(redactor.text(`${note}\nAuthorization: Bearer ${value}\n`)).not.toContain(value);
	}), {numRuns: 800});
});

test('undeclared signatures and tokens in random URLs never survive', () => {
	const name = fc.constantFrom('X-Amz-Signature', 'X-Amz-Security-Token', 'Signature', 'sig', 'X-Goog-Signature', 'token', 'access_token', 'id_token', 'api_key', 'apikey', 'key', 'code', 'password', 'md5', 'hash', 'hmac');
	const plain = fc.stringMatching(/^[a-z\d]{1,8}$/);
	const otherPairs = fc.array(plain, {maxLength: 4}).map(values => values.map((value, index) => [`n${index}`, value] as const));
	fc.assert(fc.property(secret, name, otherPairs, fc.boolean(), fc.constantFrom('https://h.example/p', '/rel', 'http://u@h.example:8080/a/b/'), (value, parameter, others, fragment, base) => {
		const pairs = [...others.map(([k, v]) => `${k}=${v}`), `${parameter}=${encodeURIComponent(value)}`];
		const url = `${base}${fragment ? '#' : '?'}${pairs.join('&')}`;
		const output = createRedactor().url(url);
		expect(output).not.toContain(encodeURIComponent(value));
		expect(output).toContain(`${parameter}=[redacted]`);
		for (const [k, v] of others) {
			expect(output).toContain(`${k}=${v}`);
		}
	}), {numRuns: 1000});
});

test('secrets carried by a report never survive its redaction, even undeclared', () => {
	fc.assert(fc.property(secret, secret, filler, fc.constantFrom('bodyExcerpt', 'evidence', 'transcript', 'curl', 'reason'), (token, cookie, words, where) => {
		const echo = `${words} ${token} ${cookie} ${words}`;
		const probe = sampleProbe({
			requestHeaders: [['Authorization', `Bearer ${token}`], ['Cookie', `sid=${cookie}`]],
			bodyExcerpt: where === 'bodyExcerpt' ? echo : 'x',
			curl: where === 'curl' ? `curl -d '${echo.replaceAll('\'', '')}' https://x.example/` : 'curl https://x.example/',
		});
		const report = sampleReport({
			probes: [probe],
			reason: where === 'reason' ? echo : undefined,
			transcript: where === 'transcript' ? [{kind: 'answer', text: echo}] : [],
			causes: where === 'evidence' ? [{id: 'token-expired', title: 't', layer: 'auth', confidence: 0.5, evidence: [echo], fix: []}] : [],
		});
		const json = JSON.stringify(createRedactor().report(report));
		expect(json).not.toContain(token);
		if (cookie.length >= 8) {
			expect(json).not.toContain(cookie);
		}
	}), {numRuns: 600});
});
