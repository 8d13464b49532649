import {readdirSync, readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {PasteError, parseCurlCommand, parsePastedResponse, secretsInPaste} from '../../src/importers/paste/index.js';
import {anyBytes, anyText, mutated, onlyTypedErrors, reshuffledLines, seeded, truncated} from './arbitraries.js';

/*
The paste parser reads whatever a user pastes or pipes in: curl -i/-v output, DevTools headers, HTTPie, raw
HTTP, "Copy as cURL". Whatever the input, it returns an exchange or throws a PasteError (stable code, one
line) — never anything else. Seeds are the real pastes in test/fixtures/paste (sources in their test).
*/

const fixtures = new URL('../fixtures/paste/', import.meta.url);
const seeds = readdirSync(fixtures).map(name => readFileSync(new URL(name, fixtures), 'utf8'));
const codes = ['paste-empty', 'paste-binary', 'paste-too-large', 'paste-unrecognised'];

/** What a paste is made of: status and request lines, header lines, curl markers, shell continuations. */
const pasteLine = fc.oneof(
	fc.constantFrom('HTTP/1.1 403 Forbidden', 'HTTP/2 403', 'HTTP/1.0 200', 'HTTP/1.1 301 Moved', 'HTTP/3 999 x', 'HTTP/1.1', 'GET / HTTP/1.1', '> GET /x HTTP/2', '< HTTP/2 403', '< ', '> ', '* Connected', '{ [5 bytes data]', ':status: 403', 'curl \'https://a.example/\' \\', '  -H \'Cookie: a=b\' \\', '  --data-raw $\'x\\\'y\'', 'curl.exe "http://x" ^', '', ' ', '\t continued'),
	fc.tuple(fc.stringMatching(/^[\w-]{0,20}$/), fc.string({maxLength: 40})).map(([name, value]) => `${name}: ${value}`),
	anyText,
);
const pasteLike = fc.tuple(fc.array(pasteLine, {maxLength: 30}), fc.constantFrom('\n', '\r\n')).map(([lines, end]) => lines.join(end));

const parse = (input: string | Uint8Array) => onlyTypedErrors(() => {
	const exchange = parsePastedResponse(input);
	// What the session does next with a parsed paste must not throw either.
	secretsInPaste(exchange);
	return exchange;
}, PasteError, codes);

describe('parsePastedResponse never throws anything but a PasteError', () => {
	test('mutated, truncated and reshuffled real pastes', () => {
		fc.assert(fc.property(fc.oneof(mutated(seeds), truncated(seeds), reshuffledLines(seeds)), text => {
			parse(text);
		}), seeded(3000));
	});

	test('paste-shaped lines in any order', () => {
		fc.assert(fc.property(pasteLike, text => {
			const exchange = parse(text);
			if (exchange?.response) {
				expect(Number.isInteger(exchange.response.status)).toBe(true);
			}
		}), seeded(3000));
	});

	test('any text and any bytes', () => {
		fc.assert(fc.property(fc.oneof(anyText, anyBytes), input => {
			parse(input);
		}), seeded(3000));
	});
});

test('parseCurlCommand never throws on any command line', () => {
	const curlish = fc.array(fc.oneof(
		fc.constantFrom('curl', '-H', '-X', '-d', '--data-raw', '-b', '-u', '--url', '-A', '-e', '--compressed', '-k', '\\\n', '^\n', '"', '\'', '$\'', '`', '\\', '--'),
		fc.string({maxLength: 30}),
	), {maxLength: 25}).map(words => words.join(' '));
	fc.assert(fc.property(fc.oneof(curlish, mutated(seeds.filter(seed => seed.startsWith('curl')))), text => {
		onlyTypedErrors(() => parseCurlCommand(text), PasteError, codes);
	}), seeded(3000));
});
