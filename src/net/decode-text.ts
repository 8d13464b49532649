import {TextDecoder} from 'node:util';

/**
Decodes body bytes with the charset the Content-Type names (UTF-8 when it names none or one that
TextDecoder does not know). Never throws: invalid sequences become U+FFFD, so the text is never longer, in
UTF-16 code units, than the bytes it came from.
*/
export function decodeText(bytes: Uint8Array, contentType: string | undefined): string {
	const charset = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(charset ?? 'utf-8');
	} catch {
		decoder = new TextDecoder('utf-8');
	}

	const text = decoder.decode(bytes);
	// Node 20 decodes windows-1252 (the label every "iso-8859-1" and "latin1" maps to) as plain latin1, so
	// 0x80–0x9F come out as C1 controls instead of the curly quotes and dashes of the real table.
	return decoder.encoding === 'windows-1252' ? text.replaceAll(/[\u0080-\u009F]/g, char => windows1252High[char.charCodeAt(0) - 0x80] ?? char) : text;
}

/** 0x80–0x9F of windows-1252 (https://encoding.spec.whatwg.org/index-windows-1252.txt); the five holes map to themselves. */
const windows1252High = [...'\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'];
