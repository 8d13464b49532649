import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {isCauseId} from '../../src/diagnosis/cause-ids.js';
import type {HeaderMap, ResponseView} from '../../src/evidence/types.js';
import {vendors} from '../../src/evidence/types.js';
import {readVendor} from '../../src/evidence/vendors/index.js';
import {allSamples} from '../evidence/vendors/samples/index.js';
import {anyText, mutated, seeded} from './arbitraries.js';

/*
readVendor reads any response a server may send: it never throws, and what it returns stays in its vocabulary
(known vendors, known cause ids, weights within -1..1). Seeds: the real block pages and headers of
test/evidence/vendors/samples (each with its source there), mutated, mixed and recombined.
*/

const bodies = allSamples.map(sample => sample.body).filter(body => body !== '');
const headerNames = [...new Set(allSamples.flatMap(sample => Object.keys(sample.headers).map(name => name.toLowerCase())))];
const headerValues = allSamples.flatMap(sample => Object.values(sample.headers).flat());

/** Header values: real ones, mutated ones, repeated ones, and anything. */
const headerValue = fc.oneof(fc.constantFrom(...headerValues), mutated(headerValues), anyText);
const headers: fc.Arbitrary<HeaderMap> = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...headerNames), fc.constantFrom('__proto__', 'constructor', 'toString'), fc.string({maxLength: 20}).map(name => name.toLowerCase())), fc.oneof(headerValue, fc.array(headerValue, {maxLength: 4}))), {maxLength: 12})
	.map(pairs => {
		const map = Object.create(null) as HeaderMap;
		for (const [name, value] of pairs) {
			map[name] = value;
		}

		return map;
	});

const body = fc.oneof(
	fc.constantFrom(...bodies),
	mutated(bodies, fc.oneof(fc.string({unit: 'binary', maxLength: 40}), fc.constantFrom('<script>', '</script>', '<!--', '-->', '<title>', '<h1>', 'Ray ID:', 'Reference #', '&#', '<![CDATA['))),
	fc.tuple(fc.constantFrom(...bodies), fc.constantFrom(...bodies)).map(([a, b]) => a.slice(0, a.length / 2) + b.slice(b.length / 2)),
	anyText,
	fc.tuple(fc.constantFrom('<script>', '<!--', '<', '&#', 'a'), fc.integer({min: 1000, max: 30_000})).map(([piece, count]) => piece.repeat(count)),
);

const view: fc.Arbitrary<ResponseView> = fc.record({
	url: fc.oneof(fc.webUrl({withQueryParameters: true}), fc.constantFrom('', 'not a url', 'https://bucket.s3.amazonaws.com/k?X-Amz-Signature=x')),
	method: fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS'),
	status: fc.oneof(fc.constantFrom(401, 403, 404, 429, 451, 503, 200, 302), fc.integer({min: 0, max: 999})),
	headers,
	body,
});

describe('readVendor', () => {
	test('never throws and answers in its own vocabulary, for any response', () => {
		fc.assert(fc.property(view, response => {
			const reading = readVendor(response);
			if (reading.vendor !== undefined) {
				expect(vendors).toContain(reading.vendor);
			}

			for (const vendor of reading.via) {
				expect(vendors).toContain(vendor);
			}

			for (const finding of reading.findings) {
				expect(finding.code).toMatch(/^vendor\./);
				expect(typeof finding.text).toBe('string');
				for (const [cause, weight] of Object.entries(finding.supports ?? {})) {
					expect(isCauseId(cause)).toBe(true);
					expect(weight).toBeGreaterThanOrEqual(-1);
					expect(weight).toBeLessThanOrEqual(1);
				}
			}
		}), seeded(3000));
	});

	test('the real samples read as their tests expect (so the mutations start from recognised pages)', () => {
		const recognised = allSamples.filter(sample => readVendor({url: sample.url ?? 'https://example.com/', method: sample.method ?? 'GET', status: sample.status, headers: Object.fromEntries(Object.entries(sample.headers).map(([name, value]) => [name.toLowerCase(), value])), body: sample.body}).findings.length > 0);
		expect(recognised.length).toBeGreaterThan(allSamples.length / 2);
	});
});
