import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {neutralizeTerminal} from '../../src/text/neutralize-terminal.js';

/** Anything a terminal could act on, or that changes how text reads, once the function is done. */
const forbidden = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u2028\u2029]|\p{Cf}|\p{Cs}/u;

const esc = '\u001B';

describe('neutralizeTerminal', () => {
	test.each([
		['SGR colour', `${esc}[31mred${esc}[0m`, 'red'],
		['CSI cursor movement that would overwrite a line', `ok${esc}[2K${esc}[1Gfake`, 'okfake'],
		['CSI with private parameters', `${esc}[?1049hx`, 'x'],
		['OSC title, BEL-terminated', `${esc}]0;pwned${'\u0007'}body`, 'body'],
		['OSC title, ST-terminated', `${esc}]2;pwned${esc}\\body`, 'body'],
		['OSC 8 hyperlink keeps only its visible text', `${esc}]8;;https://evil.example/${esc}\\click${esc}]8;;${esc}\\`, 'click'],
		['OSC 52 clipboard write', `${esc}]52;c;cm0gLXJmIH4=\u0007after`, 'after'],
		['DCS', `${esc}Pq#0;2;0;0;0${esc}\\x`, 'x'],
		['APC', `${esc}_Gf=100;AAAA${esc}\\x`, 'x'],
		['PM and SOS', `${esc}^privacy${esc}\\${esc}Xsos${esc}\\x`, 'x'],
		['8-bit CSI', '\u009B31mred', 'red'],
		['8-bit OSC with 8-bit ST', '\u009D0;title\u009Cbody', 'body'],
		['short escape (reset terminal)', `${esc}cafter`, 'after'],
		['charset designation', `${esc}(Bafter`, 'after'],
		['lone ESC at the end', `end${esc}`, 'end␛'],
		['unterminated OSC stays visible', `${esc}]0;title`, '␛]0;title'],
		['malformed CSI', `${esc}[12\u0001`, '␛[12␁'],
		['BEL and backspace', 'a\u0007b\bc', 'a␇b␈c'],
		['DEL', 'a\u007Fb', 'a␡b'],
		['CRLF becomes LF, lone CR is shown', 'a\r\nb\rc', 'a\nb␍c'],
		['NUL', 'a\u0000b', 'a␀b'],
		['C1 NEL', 'a\u0085b', 'a\\u{0085}b'],
		['right-to-left override', 'invoice\u202Egnp.exe', 'invoice\\u{202E}gnp.exe'],
		['isolates', '\u2066x\u2069', '\\u{2066}x\\u{2069}'],
		['zero-width space and joiner', 'pay\u200Bpal', 'pay\\u{200B}pal'],
		['BOM', '\uFEFFtext', '\\u{FEFF}text'],
		['tag characters (ASCII smuggling)', 'a\u{E0041}b', 'a\\u{E0041}b'],
		['Hangul filler', 'a\u3164b', 'a\\u{3164}b'],
		['lone surrogate', 'a\uD800b', 'a\\u{D800}b'],
		['newlines and tabs stay', 'a\n\tb', 'a\n\tb'],
		['Unicode text stays', 'Zugriff verweigert — アクセス拒否 ✓', 'Zugriff verweigert — アクセス拒否 ✓'],
	])('%s', (_name, input, expected) => {
		expect(neutralizeTerminal(input)).toBe(expected);
	});

	test('many unterminated OSC introducers are handled', () => {
		const input = `${esc}]`.repeat(50_000);
		const output = neutralizeTerminal(input);
		expect(output).toBe('␛]'.repeat(50_000));
	});

	const anyText = fc.string({unit: 'binary', maxLength: 200});
	const terminalSoup = fc.array(
		fc.oneof(
			fc.constantFrom(esc, '\u0007', '\u009B', '\u009D', '\u009C', '\u0090', `${esc}\\`, `${esc}]`, `${esc}[`, '\u202E', '\u2066', '\u200B', '\r', '\u0000', '\u007F', '\uFEFF', '\uD83D', '\u{E0020}'),
			fc.string({unit: 'binary-ascii', maxLength: 8}),
			fc.string({unit: 'grapheme', maxLength: 4}),
		),
		{maxLength: 60},
	).map(parts => parts.join(''));

	test('no ESC, C0 (but LF and TAB), DEL, C1, bidi or format character survives', () => {
		fc.assert(fc.property(fc.oneof(anyText, terminalSoup), input => {
			expect(neutralizeTerminal(input)).not.toMatch(forbidden);
		}), {numRuns: 2000});
	});

	test('is idempotent', () => {
		fc.assert(fc.property(fc.oneof(anyText, terminalSoup), input => {
			const once = neutralizeTerminal(input);
			expect(neutralizeTerminal(once)).toBe(once);
		}), {numRuns: 1000});
	});

	test('leaves plain printable text alone', () => {
		fc.assert(fc.property(fc.string({unit: 'grapheme-ascii'}), input => {
			expect(neutralizeTerminal(input)).toBe(input);
		}));
	});
});
