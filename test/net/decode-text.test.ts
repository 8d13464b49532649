import {expect, test} from 'vitest';
import {decodeText} from '../../src/net/decode-text.js';

test.each([
	['text/html; charset=utf-8', Buffer.from('Zugriff verweigert – 403', 'utf8'), 'Zugriff verweigert – 403'],
	['text/html; charset="windows-1252"', Buffer.from([0x93, 0x34, 0x30, 0x33, 0x94]), '\u201C403\u201D'],
	['text/plain; Charset=Shift_JIS', Buffer.from([0x83, 0x41, 0x83, 0x4E, 0x83, 0x5A, 0x83, 0x58]), 'アクセス'],
	['text/plain; charset=no-such-charset', Buffer.from('plain'), 'plain'],
	[undefined, Buffer.from([0xEF, 0xBB, 0xBF, 0x6F, 0x6B]), 'ok'],
	[undefined, Buffer.from([0x61, 0xFF, 0xE2, 0x82]), 'a\uFFFD\uFFFD'],
])('%s', (contentType, bytes, expected) => {
	const text = decodeText(bytes, contentType);
	expect(text).toBe(expected);
	expect(text.length).toBeLessThanOrEqual(bytes.length);
});
