import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {detectShellFlavour, quoteShellWord, splitShellWords, type ShellFlavour} from '../../src/text/shell-words.js';

const values = (text: string, flavour?: ShellFlavour) => splitShellWords(text, flavour).map(word => word.value);

describe('splitShellWords, POSIX', () => {
	test.each([
		['plain words', 'curl -I https://example.com/', ['curl', '-I', 'https://example.com/']],
		['single quotes keep everything', String.raw`curl 'https://x/?a=1&b=$HOME' -H 'a: "b" \n'`, ['curl', 'https://x/?a=1&b=$HOME', '-H', 'a: "b" \\n']],
		['double quotes with escapes', String.raw`curl "a \"b\" \\ \$x c"`, ['curl', 'a "b" \\ $x c']],
		['backslash-newline continuation', 'curl \'https://x/\' \\\n  -H \'a: b\' \\\r\n  --compressed', ['curl', 'https://x/', '-H', 'a: b', '--compressed']],
		['ANSI-C quoting as Chrome writes it', String.raw`curl $'{"a":"it\'s \u0021"}\n'`, ['curl', '{"a":"it\'s !"}\n']],
		['ANSI-C hex and octal', String.raw`$'\x41\101\t'`, ['A\u0041\t']],
		['adjacent quoted parts join', String.raw`'ab'"cd"ef`, ['abcdef']],
		['backslash escapes outside quotes', String.raw`a\ b \'c`, ['a b', '\'c']],
		['unterminated quote runs to the end', 'curl \'https://x/', ['curl', 'https://x/']],
	])('%s', (_name, text, expected) => {
		expect(values(text, 'posix')).toEqual(expected);
	});

	test('operators are separate words', () => {
		const words = splitShellWords('curl a ;\ncurl b && x > out', 'posix');
		expect(words.map(word => [word.value, word.operator])).toEqual([
			['curl', false], ['a', false], [';', true], ['curl', false], ['b', false], ['&&', true], ['x', false], ['>', true], ['out', false],
		]);
	});

	test('spans point at the word as written', () => {
		const text = 'curl  -H \'a: b\'   "c d"';
		const words = splitShellWords(text, 'posix');
		expect(words.map(word => text.slice(word.start, word.end))).toEqual(['curl', '-H', '\'a: b\'', '"c d"']);
	});
});

describe('splitShellWords, cmd.exe', () => {
	// Shape of Chrome's "Copy as cURL (cmd)" output: double quotes, `^` escapes, ` ^` line continuations
	// (Chromium front_end/panels/network/NetworkLogView.ts, generateCurlCommand / escapeStringWin).
	test('a Chrome cmd command', () => {
		const text = [
			'curl "https://example.com/api?x=1&y=2" ^',
			'  -H "accept: application/json" ^',
			'  -H "user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)" ^',
			'  -b "session=abc^%^22" ^',
			'  --data-raw "^{^\\^"name^\\^":^\\^"x^\\^"^}" ^',
			'  --compressed',
		].join('\r\n');
		expect(detectShellFlavour(text)).toBe('cmd');
		expect(values(text)).toEqual([
			'curl',
			'https://example.com/api?x=1&y=2',
			'-H',
			'accept: application/json',
			'-H',
			'user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
			'-b',
			'session=abc%22',
			'--data-raw',
			'{"name":"x"}',
			'--compressed',
		]);
	});

	test('old Chrome style: every quote written as ^"', () => {
		expect(values('curl ^"https://example.com/^" -H ^"Accept: text/html^"')).toEqual(['curl', 'https://example.com/', '-H', 'Accept: text/html']);
	});

	test('a multi-line value (^ newline newline inside ^" quotes)', () => {
		expect(values('curl --data-raw ^"a^\n\nb^"', 'cmd')).toEqual(['curl', '--data-raw', 'a\nb']);
	});

	test('spans include the caret of an escaped first character', () => {
		const text = 'curl ^"x^" -H "a: b"';
		const words = splitShellWords(text, 'cmd');
		expect(words.map(word => text.slice(word.start, word.end))).toEqual(['curl', '^"x^"', '-H', '"a: b"']);
	});
});

describe('quoteShellWord', () => {
	test.each(['posix', 'cmd'] as const)('round-trips any value through splitShellWords (%s)', flavour => {
		fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 60}), value => {
			const quoted = quoteShellWord(value, flavour);
			// cmd.exe cannot carry CR LF inside an argument: like Chrome's, the quoting writes LF.
			const expected = flavour === 'cmd' ? value.replaceAll('\r\n', '\n') : value;
			expect(values(`curl ${quoted} next`, flavour)).toEqual(['curl', expected, 'next']);
		}), {numRuns: 1500});
	});
});
