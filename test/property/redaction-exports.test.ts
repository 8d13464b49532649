import {Buffer} from 'node:buffer';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runHeadless} from '../../src/engine/run-headless.js';
import {defaultInput, type SessionInput} from '../../src/engine/session-input.js';
import {sessionRedactor} from '../../src/engine/session-redactor.js';
import {vocabulary} from '../../src/engine/vocabulary.js';
import {builtinFlowPath} from '../../src/flow/builtin-flow.js';
import {loadFlowFile} from '../../src/flow/load-flow.js';
import type {Flow} from '../../src/flow/types.js';
import {parseHar} from '../../src/importers/har/index.js';
import {toCurl} from '../../src/net/to-curl.js';
import {exportFormats, exportReport} from '../../src/report/export/index.js';
import type {Report} from '../../src/report/types.js';
import {startWatched, type Watched} from '../helpers/hostile-servers.js';
import {sampleProbe, sampleReport} from '../helpers/sample-report.js';
import {seeded} from './arbitraries.js';

/*
No secret survives redaction in any output — the JSON report on stdout and every transcript format (md, json,
html, har) — whichever input carried it: the URL's signature, the bearer token, cookies, a secret header, a
request body, a server that echoes them in its headers and body, or a HAR file's fields. Each secret is looked
for in every form it could take in the output: as is, percent-encoded, JSON- and HTML-escaped, base64.
*/

/** Token-shaped values: starts and ends alphanumeric, letters and digits mixed, long enough to be unique. */
const secret = fc.stringMatching(/^[A-Za-z\d][\w.~-]{12,36}[A-Za-z\d]$/).filter(value => /\d/.test(value) && /[A-Za-z]/.test(value) && (value.match(/[A-Za-z\d]/g)?.length ?? 0) >= 8);

type Secrets = {token: string; cookie: string; apiKey: string; signature: string; password: string};
const secrets: fc.Arbitrary<Secrets> = fc.record({token: secret, cookie: secret, apiKey: secret, signature: secret, password: secret})
	.filter(values => new Set(Object.values(values)).size === 5);

function forms(value: string): string[] {
	return [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), Buffer.from(value).toString('base64').replace(/=+$/, ''), Buffer.from(value).toString('base64url')];
}

/** Every output a user can get from a report: stdout's JSON and each transcript format. */
function outputs(report: Report): Record<string, string> {
	return {
		stdout: JSON.stringify(report),
		...Object.fromEntries(exportFormats.map(format => [format, exportReport(report, format)])),
	};
}

function expectNoSecret(report: Report, planted: Secrets): void {
	for (const [output, text] of Object.entries(outputs(report))) {
		for (const [name, value] of Object.entries(planted)) {
			for (const form of forms(value)) {
				expect(text.includes(form), `${name} (${form}) in the ${output} output`).toBe(false);
			}
		}
	}
}

/** The session input as the command line builds it, with a secret in every place one can go. */
function plantedInput(planted: Secrets, origin: string): SessionInput {
	return {
		...defaultInput,
		url: `${origin}/files/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=${planted.signature}`,
		method: 'POST',
		headers: [['X-Api-Key', planted.apiKey], ['Accept', 'application/json']],
		body: `user=alice&password=${planted.password}`,
		cookie: `sid=${planted.cookie}; theme=dark`,
		token: planted.token,
		role: 'api',
	};
}

/** What an echoing server (httpbin's /anything) sends back: everything it received, in headers and body. */
function echoOf(planted: Secrets, url: string): {headers: Record<string, string | string[]>; body: string} {
	return {
		headers: {
			'content-type': 'application/json',
			'set-cookie': [`sid=${planted.cookie}; Path=/; HttpOnly`, `csrftoken=${planted.password}; Path=/`],
			'x-echo-authorization': `Bearer ${planted.token}`,
			'x-echo-api-key': planted.apiKey,
			location: url,
		},
		body: JSON.stringify({
			url,
			headers: {Authorization: `Bearer ${planted.token}`, Cookie: `sid=${planted.cookie}`, 'X-Api-Key': planted.apiKey},
			form: {user: 'alice', password: planted.password},
			encoded: Buffer.from(planted.token).toString('base64'),
			error: `token ${planted.token} lacks the files:read scope`,
		}),
	};
}

describe('a report built from planted inputs, redacted as the session does, exported in every format', () => {
	test('no secret survives', () => {
		fc.assert(fc.property(secrets, fc.constantFrom('https://files.example.com', 'http://127.0.0.1:8080'), (planted, origin) => {
			const input = plantedInput(planted, origin);
			const requestHeaders: Array<[string, string]> = [...input.headers.map(([name, value]) => [name, value] as [string, string]), ['Cookie', input.cookie!], ['Authorization', `Bearer ${planted.token}`]];
			const echo = echoOf(planted, input.url!);
			const probe = sampleProbe({
				method: 'POST',
				url: input.url,
				requestHeaders,
				curl: toCurl({method: 'POST', url: input.url!, headers: requestHeaders, body: input.body}),
				headers: echo.headers,
				bodyExcerpt: echo.body,
			});
			const raw = sampleReport({
				target: {url: input.url!, method: 'POST'},
				probes: [probe],
				reason: `The server answered ${planted.cookie} for ${input.url}`,
				causes: [{id: 'insufficient-scope', title: 't', layer: 'auth', confidence: 0.6, evidence: [`The response says: "${echo.body.slice(0, 300)}"`], fix: [`curl -H 'Authorization: Bearer ${planted.token}' '${input.url}'`]}],
				transcript: [{kind: 'answer', text: `${input.url} with -H 'X-Api-Key: ${planted.apiKey}' -d '${input.body}'`}],
			});

			expectNoSecret(sessionRedactor(input).report(raw), planted);
		}), seeded(1000));
	});
});

describe('a HAR file with secrets in every field', () => {
	function plantedHar(planted: Secrets): string {
		const url = `https://api.example.com/v1/orders?api_key=${planted.apiKey}&page=2`;
		const echo = echoOf(planted, url);
		return JSON.stringify({log: {version: '1.2', creator: {name: 'WebInspector', version: '537.36'}, pages: [], entries: [{
			startedDateTime: '2026-11-25T10:00:00.000Z',
			time: 42,
			request: {
				method: 'POST',
				url,
				httpVersion: 'http/2.0',
				headers: [{name: ':authority', value: 'api.example.com'}, {name: 'authorization', value: `Bearer ${planted.token}`}, {name: 'cookie', value: `sid=${planted.cookie}`}, {name: 'x-api-key', value: planted.apiKey}, {name: 'content-type', value: 'application/x-www-form-urlencoded'}],
				queryString: [{name: 'api_key', value: planted.apiKey}, {name: 'page', value: '2'}],
				cookies: [{name: 'sid', value: planted.cookie}],
				headersSize: -1,
				bodySize: 40,
				postData: {mimeType: 'application/x-www-form-urlencoded', text: `user=alice&password=${planted.password}&sig=${planted.signature}`, params: [{name: 'password', value: planted.password}]},
			},
			response: {
				status: 403,
				statusText: '',
				httpVersion: 'http/2.0',
				headers: Object.entries(echo.headers).flatMap(([name, value]) => [value].flat().map(one => ({name, value: one}))),
				cookies: [{name: 'sid', value: planted.cookie}, {name: 'csrftoken', value: planted.password}],
				content: {size: echo.body.length, mimeType: 'application/json', text: echo.body},
				redirectURL: '',
				headersSize: -1,
				bodySize: -1,
			},
			cache: {},
			timings: {send: 0, wait: 40, receive: 2},
		}]}});
	}

	test('parseHar keeps none of them', () => {
		fc.assert(fc.property(secrets, planted => {
			const {har} = parseHar(plantedHar(planted));
			const text = JSON.stringify(har);
			// The signature rides in the form body under a name that is not secret by itself (`sig` is a signature
			// parameter name, so it must go too).
			for (const [name, value] of Object.entries(planted)) {
				for (const form of forms(value)) {
					expect(text.includes(form), `${name} (${form}) in the imported HAR`).toBe(false);
				}
			}
		}), seeded(1000));
	});

	describe('through a whole session (fix403 --har FILE), every output', () => {
		let folder: string;
		let flow: Flow;
		beforeAll(async () => {
			folder = mkdtempSync(path.join(tmpdir(), 'fix403-redact-har-'));
			flow = await loadFlowFile(builtinFlowPath(), vocabulary);
		});
		afterAll(() => {
			rmSync(folder, {recursive: true, force: true});
		});

		test('no secret survives', async () => {
			await fc.assert(fc.asyncProperty(secrets, async planted => {
				const file = path.join(folder, 'capture.har');
				writeFileSync(file, plantedHar(planted));
				const report = await runHeadless(flow, {...defaultInput, har: file, role: 'api', probe: false});
				// The HAR's 403 was read: its (redacted) credentials show in the report.
				expect(JSON.stringify(report)).toContain('[redacted]');
				expectNoSecret(report, planted);
			}), seeded(300));
		});
	});
});

describe('a live session against a server that echoes everything, every output', () => {
	let server: Watched;
	let flow: Flow;
	let current: Secrets | undefined;
	beforeAll(async () => {
		flow = await loadFlowFile(builtinFlowPath(), vocabulary);
		server = await startWatched((request, response) => {
			const echo = current ? echoOf(current, `http://${request.headers.host ?? ''}${request.url ?? ''}`) : {headers: {}, body: ''};
			response.writeHead(403, echo.headers);
			response.end(echo.body);
		});
	});
	afterAll(async () => {
		await server.close();
	});

	test('no secret survives (token, cookie, secret header, signed URL, form body, echoed back)', async () => {
		await fc.assert(fc.asyncProperty(secrets, async planted => {
			current = planted;
			const before = server.count();
			const report = await runHeadless(flow, {...plantedInput(planted, server.origin), timeoutMs: 5000});
			// The session did talk to the server, which did echo the secrets back.
			expect(server.count()).toBeGreaterThan(before);
			expect(report.probes.length).toBeGreaterThan(1);
			expect(report.probes[0]?.bodyExcerpt).toContain('[redacted]');
			expectNoSecret(report, planted);
		}), seeded(150));
	});
});

describe('a pasted "Copy as cURL" with its curl -i output (fix403 --headers-file -), every output', () => {
	let flow: Flow;
	beforeAll(async () => {
		flow = await loadFlowFile(builtinFlowPath(), vocabulary);
	});

	/** Chrome's "Copy as cURL (bash)" followed by what `curl -i` printed, as a user pastes them together. */
	function paste(planted: Secrets): string {
		const url = `https://files.example.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${planted.signature}`;
		const echo = echoOf(planted, url);
		const headerLines = Object.entries(echo.headers).flatMap(([name, value]) => [value].flat().map(one => `${name}: ${one}`));
		return [
			`curl '${url}' \\`,
			`  -H 'authorization: Bearer ${planted.token}' \\`,
			`  -H 'x-api-key: ${planted.apiKey}' \\`,
			`  -b 'sid=${planted.cookie}; theme=dark' \\`,
			`  --data-raw 'user=alice&password=${planted.password}'`,
			'HTTP/2 403 ',
			...headerLines,
			'',
			echo.body,
		].join('\n');
	}

	test('no secret survives', async () => {
		await fc.assert(fc.asyncProperty(secrets, async planted => {
			const report = await runHeadless(flow, {...defaultInput, headersFile: '-', headersText: paste(planted), role: 'api', probe: false});
			expect(JSON.stringify(report)).toContain('[redacted]');
			expectNoSecret(report, planted);
		}), seeded(300));
	});
});
