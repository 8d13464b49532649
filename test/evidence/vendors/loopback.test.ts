import http from 'node:http';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {HeaderMap, ResponseView} from '../../../src/evidence/types.js';
import {readVendor} from '../../../src/evidence/vendors/index.js';
import {type Loopback, startLoopback} from '../../helpers/loopback.js';
import {allSamples, type Sample, viewOf} from './samples/index.js';

/** Samples whose headers exercise what a real response does to them: case, repeated set-cookie, odd statuses. */
const served = [
	'Cloudflare 1020 firewall rule block page',
	'Cloudflare managed challenge with cf-mitigated',
	'nginx 403 behind Cloudflare',
	'Akamai Access Denied with errors.edgesuite.net and Bot Manager cookies',
	'Imperva "Request unsuccessful" frame (challenge)',
	'DataDome CAPTCHA behind Cloudflare',
	'AWS WAF CAPTCHA (405 + x-amzn-waf-action: captcha)',
	'AWS WAF silent challenge (202, empty body)',
	'API Gateway "Missing Authentication Token"',
	'Sucuri fake-bot block (FBP007)',
].map(name => {
	const sample = allSamples.find(candidate => candidate.name === name);
	if (sample === undefined) {
		throw new Error(`no sample named ${name}`);
	}

	return sample;
});

/** Headers the wire framing owns; the server computes them itself. */
const framing = new Set(['content-length', 'transfer-encoding', 'connection']);

let server: Loopback;

beforeAll(async () => {
	server = await startLoopback((request, response) => {
		const sample = served[Number(new URL(request.url ?? '/', 'http://x').searchParams.get('i'))];
		if (sample === undefined) {
			response.writeHead(404).end();
			return;
		}

		response.writeHead(sample.status, Object.fromEntries(Object.entries(sample.headers).filter(([name]) => !framing.has(name.toLowerCase()))));
		response.end(sample.body);
	});
});

afterAll(async () => {
	await server.close();
});

/** A plain node:http GET, read the way a probe reads: node's lower-case header object, a bounded body. */
async function fetchView(index: number, sample: Sample): Promise<ResponseView> {
	const url = `${server.origin}/probe?i=${index}`;
	return new Promise((resolve, reject) => {
		const request = http.get(url, {method: sample.method ?? 'GET'}, response => {
			const chunks: Buffer[] = [];
			let size = 0;
			response.on('data', (chunk: Buffer) => {
				if (size < 256 * 1024) {
					chunks.push(chunk);
					size += chunk.length;
				}
			});
			response.on('end', () => {
				const headers: HeaderMap = {};
				for (const [name, value] of Object.entries(response.headers)) {
					if (value !== undefined) {
						headers[name] = value;
					}
				}

				resolve({url, method: sample.method ?? 'GET', status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8')});
			});
			response.on('error', reject);
		});
		request.on('error', reject);
	});
}

describe('readVendor on responses read from a real loopback server', () => {
	test.each(served.map((sample, index) => [sample.name, index, sample] as const))('%s', async (_name, index, sample) => {
		const view = await fetchView(index, sample);
		// What node hands over: lower-case names, and set-cookie always an array.
		expect(Object.keys(view.headers).every(name => name === name.toLowerCase())).toBe(true);
		if (Object.keys(sample.headers).some(name => name.toLowerCase() === 'set-cookie')) {
			expect(Array.isArray(view.headers['set-cookie'])).toBe(true);
		}

		const reading = readVendor(view);
		expect(reading.vendor).toBe(sample.expect.vendor);
		expect(reading.via).toEqual(sample.expect.via);
		expect(reading.kind).toBe(sample.expect.kind);
		if (sample.expect.reference !== undefined) {
			expect(reading.reference).toEqual(sample.expect.reference);
		}

		// The wire adds headers (date, keep-alive…) but must not change the conclusion or its evidence.
		const direct = readVendor({...viewOf(sample), url: view.url});
		expect(reading.findings.map(finding => [finding.code, finding.supports])).toEqual(direct.findings.map(finding => [finding.code, finding.supports]));
	});
});
