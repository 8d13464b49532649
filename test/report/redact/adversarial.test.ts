import {expect, test} from 'vitest';
import {parsePastedResponse} from '../../../src/importers/paste/index.js';
import {createRedactor} from '../../../src/report/redact/index.js';
import {neutralizeTerminal} from '../../../src/text/neutralize-terminal.js';

// Shapes that make a backtracking regex scan the rest of the input from every start (quadratic or worse).
// With linear scanning each case takes milliseconds; a regression shows up as the test timing out.
const size = 200_000;
const hostileBodies = [
	'http://'.repeat(size / 7),
	'<input'.repeat(size / 6),
	'[['.repeat(size / 2),
	'&a="'.repeat(size / 4),
	`"k":"${'\\"'.repeat(size / 2)}`,
	`Bearer ${'a'.repeat(size)}=a`,
	`eyJ${'.a'.repeat(size / 2)}`,
	`${'a'.repeat(size)}@`,
	`?${'token=&'.repeat(size / 7)}`,
	'\u001B]'.repeat(size / 2),
];

test.each(hostileBodies.map((body, index) => [index, body] as const))('redaction stays linear on hostile input %i', (_index, body) => {
	const redactor = createRedactor({secrets: ['s3cr3t-value-01']});
	expect(typeof redactor.text(body)).toBe('string');
	expect(typeof redactor.url(body)).toBe('string');
	expect(typeof redactor.curl(`curl ${body}`)).toBe('string');
	expect(typeof neutralizeTerminal(body)).toBe('string');
});

test.each([
	['a header line with a long run of spaces', `HTTP/1.1 403 Forbidden\nX-A: a${' '.repeat(size)}x\n\nbody`],
	['a status line with a long run of spaces', `HTTP/1.1 403 ${' '.repeat(size)}x\n\n`],
	['header-like lines with trailing spaces', `a: ${' '.repeat(size)}\n`.repeat(3)],
])('the paste parser stays linear: %s', (_name, text) => {
	expect(parsePastedResponse(text).response).toBeDefined();
});
