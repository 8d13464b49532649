import fc from 'fast-check';
import {expect, test} from 'vitest';
import {escapeHtml} from '../../src/text/escape-html.js';

test('escapes the five characters that can open markup or close an attribute', () => {
	expect(escapeHtml('<script>alert("x")</script> & \'y\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
});

test('escaped output never contains a raw markup character and decodes back to the input', () => {
	const decode = (html: string) => html
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', '\'')
		.replaceAll('&amp;', '&');
	fc.assert(fc.property(fc.string({unit: 'binary'}), input => {
		const escaped = escapeHtml(input);
		expect(escaped).not.toMatch(/[<>"']/);
		expect(decode(escaped)).toBe(input);
	}));
});
