import {describe, expect, test} from 'vitest';
import {decodeEntities, maxBodyChars, titleOf, visibleText} from '../../../src/evidence/vendors/html-text.js';

describe('decodeEntities', () => {
	test.each([
		// Akamai writes its reference and URL with numeric references (search id 21230730309).
		['Reference&#32;&#35;18&#46;e834768&#46;1638849804&#46;2c1382d', 'Reference #18.e834768.1638849804.2c1382d'],
		['http&#58;&#47;&#47;cdn&#46;redhat&#46;com&#47;', 'http://cdn.redhat.com/'],
		['Press &amp; Hold', 'Press & Hold'],
		['don&#x27;t &rsquo; &bull;', 'don\'t \' •'],
		['&unknown; &#0; &#xD800; &#99999999;', '&unknown; &#0; &#xD800; &#99999999;'],
	])('%s', (input, expected) => {
		expect(decodeEntities(input)).toBe(expected);
	});
});

describe('visibleText', () => {
	test('drops scripts, styles, comments and tags, and collapses whitespace', () => {
		const html = '<!--[if lt IE 7]> <html class="ie6"> <![endif]--><head><style>p{color:red}</style><script>var s="Too many requests";</script></head><body><p>Access\n\n  <b>denied</b></p></body>';
		expect(visibleText(html)).toBe('Access denied');
	});

	test('keeps text after a stray "<" that never closes', () => {
		expect(visibleText('<p>1 < 2 and 3 < 4')).toBe('1 < 2 and 3 < 4');
	});

	test('an unclosed <script> swallows the rest rather than leaking code into the text', () => {
		expect(visibleText('<p>Blocked</p><script>var a = "rate limit"')).toBe('Blocked');
	});

	test('typographic apostrophes read as plain ones', () => {
		expect(visibleText('You don’t have permission')).toBe('You don\'t have permission');
	});

	test('is bounded: text past the excerpt limit is not read', () => {
		expect(visibleText(`${'a'.repeat(maxBodyChars)} marker`)).not.toContain('marker');
	});

	test('copes with pathological markup (many unclosed tags and scripts) in one pass', () => {
		expect(visibleText('<a'.repeat(100_000))).toBe('<a'.repeat(100_000).slice(0, 200_000));
		expect(visibleText('<script><style>'.repeat(10_000))).toBe('');
	});
});

describe('titleOf', () => {
	test.each([
		['<HTML><HEAD>\n<TITLE>Access Denied</TITLE>', 'Access Denied'],
		['<title data-x="1">Just a moment...</title>', 'Just a moment...'],
		['<title>Access denied | shop.example.com used Cloudflare to restrict access</title>', 'Access denied | shop.example.com used Cloudflare to restrict access'],
		['<title>unclosed', ''],
		['no title here', ''],
	])('%s', (html, expected) => {
		expect(titleOf(html)).toBe(expected);
	});
});
