import {Buffer} from 'node:buffer';
import {expect, test} from 'vitest';
import {createRedactor} from '../../../src/report/redact/index.js';
import type {Report} from '../../../src/report/types.js';
import {sampleProbe, sampleReport} from '../../helpers/sample-report.js';

const bearer = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IiLCJleHAiOjE3MDAwMDAwMDB9.Q2xhaW1zU2lnbmF0dXJlMTIzNDU2';
const cookieValue = 'sess-7f3a9c2e41b8d6';
const apiKey = 'AIzaSyD-PLANTED-KEY-42';
const signature = 'aeeed9bbccd4d02ee5c0109b86d86835';
const password = 'correct-horse-battery';
const declared = 'user-given-secret-0001';

/** A report with a secret planted in every field that can hold text. */
function plantedReport(): Report {
	const signedUrl = `https://bucket.s3.amazonaws.com/k.pdf?X-Amz-Expires=60&X-Amz-Signature=${signature}`;
	return sampleReport({
		target: {url: `https://bob:${password}@files.example.com/k.pdf?api_key=${apiKey}`, method: 'GET'},
		reason: `The server echoed ${declared}.`,
		causes: [{
			id: 'token-expired',
			title: `Token ${bearer} expired`,
			layer: 'auth',
			confidence: 0.9,
			evidence: [`Authorization: Bearer ${bearer}`, `The redirect went to ${signedUrl}`, `cookie ${cookieValue} was sent`],
			fix: [`curl -H 'x-api-key: ${apiKey}' ${signedUrl}`, `Replace ${declared}`],
			locations: [{file: `/srv/${declared}.conf`, line: 3}],
		}],
		probes: [sampleProbe({
			label: `with key ${apiKey}`,
			url: signedUrl,
			curl: `curl -H 'Authorization: Bearer ${bearer}' -b 'sid=${cookieValue}' '${signedUrl}'`,
			requestHeaders: [['Authorization', `Bearer ${bearer}`], ['Cookie', `sid=${cookieValue}`], ['X-Api-Key', apiKey], ['Referer', signedUrl]],
			headers: {
				server: 'nginx/1.24.0',
				'set-cookie': [`sid=${cookieValue}; Path=/; HttpOnly`],
				location: signedUrl,
				'x-echo': `${Buffer.from(`bob:${password}`).toString('base64')}`,
			},
			bodyExcerpt: `{"you_sent":"${bearer}","cookie":"${encodeURIComponent(cookieValue)}","b64":"${Buffer.from(apiKey).toString('base64')}","declared":"${declared}"}`,
			error: {code: 'other', message: `failed with ${declared}`},
		})],
		transcript: [
			{kind: 'answer', text: `My token is ${bearer}`, step: 'askToken'},
			{kind: 'answer', text: `Cookie: sid=${cookieValue}`},
			{kind: 'finding', text: `Found ${declared} and ${password}`},
		],
	});
}

test('no planted secret survives anywhere in the report', () => {
	const redacted = createRedactor({secrets: [declared, password]}).report(plantedReport());
	const json = JSON.stringify(redacted);
	for (const secret of [bearer.split('.')[2]!, cookieValue, apiKey, signature, password, declared, encodeURIComponent(cookieValue), Buffer.from(apiKey).toString('base64'), Buffer.from(`bob:${password}`).toString('base64')]) {
		expect(json).not.toContain(secret);
	}
});

test('secrets the report carries are found without being declared', () => {
	const redacted = createRedactor().report(plantedReport());
	const json = JSON.stringify(redacted);
	// The bearer token, cookie and API key travel in the request headers: their echoes in the body go too.
	for (const secret of [bearer, cookieValue, apiKey, signature, Buffer.from(apiKey).toString('base64')]) {
		expect(json).not.toContain(secret);
	}
});

test('ids, enums, numbers and evidence that is not secret stay exactly', () => {
	const original = plantedReport();
	const redacted = createRedactor({secrets: ['token', 'expired', 'original']}).report(original);
	expect(redacted.schema).toBe('fix403/report@1');
	expect(redacted.status).toBe('diagnosed');
	expect(redacted.causes[0]!.id).toBe('token-expired');
	expect(redacted.causes[0]!.confidence).toBe(0.9);
	expect(redacted.probes[0]!.id).toBe('original');
	expect(redacted.probes[0]!.status).toBe(403);
	expect(redacted.probes[0]!.ms).toBe(42);
	expect(redacted.probes[0]!.error?.code).toBe('other');
	expect(redacted.probes[0]!.headers['server']).toBe('nginx/1.24.0');
	expect(redacted.probes[0]!.url).toBe('https://bucket.s3.amazonaws.com/k.pdf?X-Amz-Expires=60&X-Amz-Signature=[redacted]');
	expect(redacted.target.url).toBe('https://bob:[redacted]@files.example.com/k.pdf?api_key=[redacted]');
	expect(redacted.probes[0]!.requestHeaders[1]).toEqual(['Cookie', 'sid=[redacted]']);
	expect(redacted.transcript.map(entry => entry.kind)).toEqual(['answer', 'answer', 'finding']);
	expect(redacted.tool).toEqual({name: 'fix403', version: '0.1.0'});
	expect(redacted.generatedAt).toBe(original.generatedAt);
});

test('the input report is not changed', () => {
	const original = plantedReport();
	const copy = structuredClone(original);
	createRedactor().report(original);
	expect(original).toEqual(copy);
});

test('a report without secrets comes back equal', () => {
	const report = sampleReport();
	expect(createRedactor().report(report)).toEqual(report);
});

test('redacting a redacted report changes nothing', () => {
	const redactor = createRedactor({secrets: [declared, password]});
	const once = redactor.report(plantedReport());
	expect(createRedactor().report(once)).toEqual(once);
	expect(redactor.report(once)).toEqual(once);
});
