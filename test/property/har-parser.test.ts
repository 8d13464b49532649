import {readdirSync, readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {analyzeHar, HarError, parseHar} from '../../src/importers/har/index.js';
import {anyBytes, anyText, mutated, onlyTypedErrors, seeded, truncated} from './arbitraries.js';

/*
A HAR file comes from any browser or proxy, edited by hand, cut short, or not a HAR at all. parseHar returns a
validated, redacted HAR or throws a HarError (stable code, one line); analyzeHar then never throws on what
parseHar accepted. Seeds: the real exports in test/fixtures/har.
*/

const fixtures = new URL('../fixtures/har/', import.meta.url);
const seeds = readdirSync(fixtures).map(name => readFileSync(new URL(name, fixtures), 'utf8'));
const codes = ['har-empty', 'har-not-json', 'har-malformed', 'har-too-large', 'har-too-many-entries'];

const parseAndAnalyze = (input: string | Uint8Array) => onlyTypedErrors(() => {
	const parsed = parseHar(input, {maxEntries: 50});
	const analysis = analyzeHar(parsed.har);
	expect(analysis.entryCount).toBe(parsed.har.log.entries.length);
	return parsed;
}, HarError, codes);

/** Any JSON value where a HAR field goes: right type, wrong type, missing, huge, nested. */
const anyJson = fc.jsonValue({maxDepth: 3});
/** Mostly the right type (so that deep fields are reached), sometimes any JSON, sometimes missing. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({arbitrary, weight: 20}, {arbitrary: anyJson, weight: 1}, {arbitrary: fc.constant(undefined), weight: 1});
const nameValues = maybe(fc.array(fc.record({name: maybe(fc.string({maxLength: 20})), value: maybe(fc.string({maxLength: 60}))}, {requiredKeys: []}), {maxLength: 6}));
// `content.text`, `postData.text` and `postData.params` are generated well-typed only: the wrong types crash the
// parser today (the BUG tests at the end of this file), and would hide every other counterexample.
const namedParams = fc.option(fc.array(fc.record({name: fc.string({maxLength: 20}), value: fc.option(fc.string({maxLength: 60}), {nil: undefined})}, {requiredKeys: ['name']}), {maxLength: 6}), {nil: undefined});
const harShaped = fc.record({
	log: maybe(fc.record({
		version: maybe(fc.constantFrom('1.2', '1.1', '')),
		creator: maybe(fc.record({name: maybe(fc.string()), version: maybe(fc.string())}, {requiredKeys: []})),
		pages: maybe(fc.array(anyJson, {maxLength: 3})),
		entries: maybe(fc.array(maybe(fc.record({
			startedDateTime: maybe(fc.date({noInvalidDate: true}).map(date => date.toISOString())),
			time: maybe(fc.double()),
			request: maybe(fc.record({
				method: maybe(fc.constantFrom('GET', 'POST', 'DELETE', '', 'get')),
				url: maybe(fc.oneof(fc.webUrl({withQueryParameters: true, withFragments: true}), fc.string({maxLength: 40}))),
				httpVersion: maybe(fc.constantFrom('HTTP/1.1', 'h2', 'http/2.0', '')),
				headers: nameValues,
				cookies: nameValues,
				queryString: nameValues,
				postData: maybe(fc.record({mimeType: maybe(fc.string()), text: fc.option(fc.string({maxLength: 200}), {nil: undefined}), params: namedParams}, {requiredKeys: []})),
			}, {requiredKeys: []})),
			response: maybe(fc.record({
				status: maybe(fc.oneof(fc.constantFrom(200, 302, 401, 403, 429, 451, 0, -1), fc.integer(), fc.constantFrom('403', 'x'))),
				statusText: maybe(fc.string({maxLength: 20})),
				headers: nameValues,
				cookies: nameValues,
				content: maybe(fc.record({size: maybe(fc.integer()), mimeType: maybe(fc.string()), text: fc.option(fc.string({maxLength: 300}), {nil: undefined}), encoding: maybe(fc.constantFrom('base64', 'utf8', ''))}, {requiredKeys: []})),
				redirectURL: maybe(fc.string({maxLength: 40})),
			}, {requiredKeys: []})),
			timings: maybe(fc.dictionary(fc.constantFrom('send', 'wait', 'receive', 'blocked'), fc.oneof(fc.double(), anyJson))),
		}, {requiredKeys: []})), {maxLength: 8})),
	}, {requiredKeys: []})),
}, {requiredKeys: []});

describe('parseHar never throws anything but a HarError, and what it accepts can be analysed', () => {
	test('HAR-shaped JSON with every field of every type, or missing', () => {
		let accepted = 0;
		fc.assert(fc.property(harShaped, har => {
			accepted += parseAndAnalyze(JSON.stringify(har)) ? 1 : 0;
		}), seeded(3000));
		// Enough of them are valid HARs that the analysis behind the parser is exercised too.
		expect(accepted).toBeGreaterThan(200);
	});

	test('any JSON value', () => {
		fc.assert(fc.property(fc.jsonValue(), value => {
			parseAndAnalyze(JSON.stringify(value) ?? '');
		}), seeded(2000));
	});

	test('mutated and truncated real exports', () => {
		fc.assert(fc.property(fc.oneof(mutated(seeds), truncated(seeds)), text => {
			parseAndAnalyze(text);
		}), seeded(1500));
	});

	test('any text and any bytes', () => {
		fc.assert(fc.property(fc.oneof(anyText, anyBytes), input => {
			parseAndAnalyze(input);
		}), seeded(3000));
	});
});

test('the caps are typed errors too: too many entries, too many bytes', () => {
	const entry = {request: {method: 'GET', url: 'https://a.example/'}, response: {status: 403}};
	expect(() => parseHar(JSON.stringify({log: {entries: Array.from({length: 51}, () => entry)}}), {maxEntries: 50})).toThrow(expect.objectContaining({code: 'har-too-many-entries'}));
	expect(() => parseHar('x'.repeat(2000), {maxBytes: 1000})).toThrow(expect.objectContaining({code: 'har-too-large'}));
});

/* Wrongly typed optional fields are dropped on import rather than crashing the redaction behind it. */
const wronglyTyped: ReadonlyArray<readonly [string, unknown]> = [
	['a response content.text that is an object', {request: {method: 'GET', url: 'https://a.example/'}, response: {status: 403, content: {text: {}}}}],
	['a postData.text that is null', {request: {method: 'POST', url: 'https://a.example/', postData: {text: null}}, response: {status: 403}}],
	['a postData.params item without a name', {request: {method: 'POST', url: 'https://a.example/', postData: {params: [{}]}}, response: {status: 403}}],
	['postData.params that is not a list', {request: {method: 'POST', url: 'https://a.example/', postData: {params: {}}}, response: {status: 403}}],
];
for (const [name, entry] of wronglyTyped) {
	test(`${name} gives at most a HarError, never a TypeError`, () => {
		onlyTypedErrors(() => parseHar(JSON.stringify({log: {entries: [entry]}})), HarError, codes);
	});
}
