import {readFileSync} from 'node:fs';
import {Ajv} from 'ajv';
import {describe, expect, test} from 'vitest';
import {parseHar} from '../../../src/importers/har/index.js';
import {exportReport} from '../../../src/report/export/index.js';
import type {Report} from '../../../src/report/types.js';
import {sampleProbe, sampleReport} from '../../helpers/sample-report.js';

const schema: unknown = JSON.parse(readFileSync(new URL('../../fixtures/har-1.2.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({allErrors: true, strict: true});
// ajv-formats is not installed; these two are all the schema uses.
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/);
ajv.addFormat('uri', {
	type: 'string',
	validate(value: string) {
		try {
			return new URL(value).href.length > 0;
		} catch {
			return false;
		}
	},
});
const validate = ajv.compile(schema as object);

type HarJson = {log: {entries: Array<{time: number; timings: Record<string, number>; request: {url: string; cookies: unknown[]; queryString: unknown[]}; response: {status: number; cookies: Array<Record<string, unknown>>; redirectURL: string; content: {text?: string}}; _fix403?: unknown}>}};

function exported(report: Report): HarJson {
	const har = JSON.parse(exportReport(report, 'har')) as HarJson;
	const valid = validate(har);
	expect(validate.errors ?? []).toEqual([]);
	expect(valid).toBe(true);
	return har;
}

describe('HAR export', () => {
	test('validates against HAR 1.2, timings mapped from got phases (REFERENCE.md §4)', () => {
		const har = exported(sampleReport());
		const [entry] = har.log.entries;
		// wait 1, dns 3, tcp 4, tls 6, request 1, firstByte 25, download 2
		expect(entry!.timings).toEqual({blocked: 1, dns: 3, connect: 10, ssl: 6, send: 1, wait: 25, receive: 2});
		expect(entry!.time).toBe(42);
	});

	test('a probe with no answer, one with redirects, cookies and a query, one with unknown timings', () => {
		const har = exported(sampleReport({
			probes: [
				sampleProbe({id: 'no-answer', status: 0, statusText: undefined, httpVersion: undefined, headers: {}, bodyExcerpt: undefined, timings: undefined, ms: 5003, error: {code: 'timeout', message: 'No answer within 5000 ms.'}}),
				sampleProbe({
					id: 'redirected',
					url: 'https://files.example.com/dl?file=a%20b&token=secret-123#frag',
					status: 302,
					statusText: 'Found',
					requestHeaders: [['Cookie', 'sid=abc12345678; theme=dark']],
					headers: {location: 'https://cdn.example.com/a?X-Amz-Signature=deadbeef', 'set-cookie': ['sid=new12345678; Path=/; Expires=Wed, 25 Nov 2026 10:00:00 GMT; HttpOnly; Secure']},
					timings: {wait: 0, request: 0, firstByte: 3, download: 0},
				}),
				sampleProbe({id: 'har-named', timings: undefined, ms: 17}),
			],
		}));
		const [noAnswer, redirected, unknown] = har.log.entries;
		expect(noAnswer!.response.status).toBe(0);
		expect(noAnswer!._fix403).toMatchObject({probe: {id: 'no-answer', error: {code: 'timeout'}}});
		expect(redirected!.request.url).toBe('https://files.example.com/dl?file=a%20b&token=[redacted]');
		expect(redirected!.request.queryString).toEqual([{name: 'file', value: 'a b'}, {name: 'token', value: '[redacted]'}]);
		expect(redirected!.request.cookies).toEqual([{name: 'sid', value: '[redacted]'}, {name: 'theme', value: '[redacted]'}]);
		expect(redirected!.response.redirectURL).toBe('https://cdn.example.com/a?X-Amz-Signature=[redacted]');
		expect(redirected!.response.cookies).toEqual([{name: 'sid', value: '[redacted]', path: '/', expires: '2026-11-25T10:00:00.000Z', httpOnly: true, secure: true}]);
		expect(unknown!.timings).toMatchObject({send: 0, wait: 17, receive: 0});
		expect(unknown!.time).toBe(17);
	});

	test('fix403 reads its own HAR export back', () => {
		const text = exportReport(sampleReport(), 'har');
		const {har} = parseHar(text);
		expect(har.log.entries[0]!.response.status).toBe(403);
		expect(har.log.entries[0]!.response.content.text).toContain('403 Forbidden');
	});
});

test('the schema itself rejects what HAR 1.2 forbids (so the checks above can fail)', () => {
	const good = JSON.parse(exportReport(sampleReport(), 'har')) as {log: {entries: Array<Record<string, Record<string, unknown>>>}};
	expect(validate(good)).toBe(true);
	const broken = structuredClone(good);
	delete broken.log.entries[0]!['timings']!['send'];
	broken.log.entries[0]!['request']!['url'] = 'https://x.example/#fragment';
	broken.log.entries[0]!['response']!['status'] = '403';
	expect(validate(broken)).toBe(false);
	expect(validate.errors?.map(error => error.instancePath).sort()).toEqual(['/log/entries/0/request/url', '/log/entries/0/response/status', '/log/entries/0/timings']);
});
