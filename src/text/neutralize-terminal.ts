/*
Text that came from a server or a file can carry terminal control sequences: colours are harmless, but OSC can
retitle the window, plant clickable links (OSC 8) or write the clipboard (OSC 52), CSI can move the cursor and
overwrite what the user reads, and bidi overrides can make `gnp.exe` look like `exe.png`. Everything untrusted
passes through `neutralizeTerminal` before it reaches a terminal or a text export.

What comes out:
- complete escape sequences (CSI, OSC, DCS, SOS, PM, APC, and short `ESC x` sequences, in their 7-bit and 8-bit
  forms) are removed; the printable text around them stays;
- a lone or malformed ESC, other C0 controls and DEL become their Unicode "control picture" (`\x1b` → `␛`,
  `\x07` → `␇`, `\x7f` → `␡`), so the reader sees that something was there;
- `\r\n` becomes `\n`; a lone `\r` (which lets a line overwrite itself) becomes `␍`;
- C1 controls, bidi controls, invisible format characters (zero-width, word joiner, soft hyphen, BOM, tag
  characters, interlinear annotations…), invisible fillers, line/paragraph separators and lone surrogates
  become a visible `\u{XXXX}` escape;
- `\n` and `\t` are kept.
The result contains no ESC, no C0 (but `\n`, `\t`), no DEL, no C1 and no bidi or format character, and applying
the function again leaves it unchanged.
*/

const esc = 0x1B;
const bel = 0x07;
/** 8-bit introducers and their 7-bit `ESC x` equivalents. */
const c1Csi = 0x9B;
const c1St = 0x9C;
const stringIntroducers = new Set([0x5D, 0x50, 0x58, 0x5E, 0x5F]); // `]` OSC, `P` DCS, `X` SOS, `^` PM, `_` APC
const c1StringIntroducers = new Set([0x9D, 0x90, 0x98, 0x9E, 0x9F]);

/**
Invisible or direction-changing characters that can make text read differently from what it is. Category Cf
covers bidi controls (U+061C, U+200E–200F, U+202A–202E, U+2066–2069), zero-width characters, U+FEFF, soft hyphen
and the tag block; the rest are invisible letters and separators outside Cf.
*/
const invisible = /[\p{Cf}\p{Cs}\u2028\u2029\u115F\u1160\u3164\uFFA0\u034F\u180B-\u180D\u17B4\u17B5]/gu;

/** Makes untrusted text safe to print on a terminal; see the module comment for exactly what changes. */
export function neutralizeTerminal(input: string): string {
	return stripControls(input).replace(invisible, character => codePointEscape(character.codePointAt(0) ?? 0));
}

function codePointEscape(codePoint: number): string {
	return `\\u{${codePoint.toString(16).toUpperCase().padStart(4, '0')}}`;
}

function visibleControl(code: number): string {
	if (code === 0x7F) {
		return '␡';
	}

	if (code < 0x20) {
		return String.fromCodePoint(0x24_00 + code);
	}

	return codePointEscape(code);
}

function stripControls(input: string): string {
	let out = '';
	let index = 0;
	// Once a search for a string terminator fails from some position, it fails from every later one: remember
	// that, so a flood of unterminated OSCs stays linear.
	let noTerminatorFrom = Number.POSITIVE_INFINITY;
	const findTerminator = (from: number): number => {
		if (from >= noTerminatorFrom) {
			return -1;
		}

		for (let i = from; i < input.length; i++) {
			const code = input.charCodeAt(i);
			if (code === bel || code === c1St) {
				return i + 1;
			}

			if (code === esc && input.charCodeAt(i + 1) === 0x5C) {
				return i + 2;
			}
		}

		noTerminatorFrom = from;
		return -1;
	};

	while (index < input.length) {
		const code = input.charCodeAt(index);
		if (code === 0x0A || code === 0x09 || (code >= 0x20 && code < 0x7F) || code > 0x9F) {
			out += input[index];
			index++;
			continue;
		}

		if (code === 0x0D && input.charCodeAt(index + 1) === 0x0A) {
			index++;
			continue;
		}

		const end = sequenceEnd(input, index, findTerminator);
		if (end === undefined) {
			out += visibleControl(code);
			index++;
		} else {
			index = end;
		}
	}

	return out;
}

/** Where the escape sequence that starts at `start` ends, or undefined when it is not a complete sequence. */
function sequenceEnd(input: string, start: number, findTerminator: (from: number) => number): number | undefined {
	const code = input.charCodeAt(start);
	if (code === c1Csi) {
		return csiEnd(input, start + 1);
	}

	if (c1StringIntroducers.has(code)) {
		return positive(findTerminator(start + 1));
	}

	if (code !== esc) {
		return undefined;
	}

	const next = input.charCodeAt(start + 1);
	if (next === 0x5B) {
		return csiEnd(input, start + 2);
	}

	if (stringIntroducers.has(next)) {
		return positive(findTerminator(start + 2));
	}

	// nF, Fp, Fe, Fs escapes: intermediates 0x20–0x2F, then one final byte 0x30–0x7E (`ESC c`, `ESC ( B`, `ESC 7`).
	let i = start + 1;
	while (i < input.length && input.charCodeAt(i) >= 0x20 && input.charCodeAt(i) <= 0x2F) {
		i++;
	}

	const final = input.charCodeAt(i);
	return final >= 0x30 && final <= 0x7E ? i + 1 : undefined;
}

/** CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E. */
function csiEnd(input: string, from: number): number | undefined {
	let i = from;
	while (i < input.length && input.charCodeAt(i) >= 0x30 && input.charCodeAt(i) <= 0x3F) {
		i++;
	}

	while (i < input.length && input.charCodeAt(i) >= 0x20 && input.charCodeAt(i) <= 0x2F) {
		i++;
	}

	const final = input.charCodeAt(i);
	return final >= 0x40 && final <= 0x7E ? i + 1 : undefined;
}

function positive(value: number): number | undefined {
	return value < 0 ? undefined : value;
}
