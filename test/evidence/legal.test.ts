import {describe, expect, it} from 'vitest';
import {blockedBy, readLegal} from '../../src/evidence/legal.js';
import type {HeaderMap, ResponseView} from '../../src/evidence/types.js';

const view = (status: number, headers: HeaderMap, body = ''): ResponseView => ({url: 'https://example.com/x', method: 'GET', status, headers, body});

// RFC 7725 §3 example response.
const rfcBody = `<html>
 <head><title>Unavailable For Legal Reasons</title></head>
 <body>
  <h1>Unavailable For Legal Reasons</h1>
  <p>This request may not be serviced in the Roman Province
  of Judea due to the Lex Julia Majestatis, which disallows
  access to resources hosted on servers deemed to be
  operated by the People's Front of Judea.</p>
 </body>
</html>`;

describe('readLegal', () => {
	it('reports 451 as a legal block with its blocked-by link and no cause support', () => {
		const [finding] = readLegal(view(451, {link: '<https://spqr.example.org/legislatione>; rel="blocked-by"', 'content-type': 'text/html'}, rfcBody));
		expect(finding?.code).toBe('legal.451');
		expect(finding?.supports).toBeUndefined();
		expect(finding?.data).toEqual({status: 451, blockedBy: ['https://spqr.example.org/legislatione']});
		expect(finding?.text).toContain('implemented by https://spqr.example.org/legislatione');
	});

	it('reports a 451 without a Link too', () => {
		expect(readLegal(view(451, {}))[0]?.data?.['blockedBy']).toEqual([]);
	});

	it('does not call a 403 a legal block, but notes legal wording', () => {
		expect(readLegal(view(403, {}, '<h1>403 Forbidden</h1>'))).toEqual([]);
		const [note] = readLegal(view(403, {}, '<p>This content is not available in your country for legal reasons.</p>'));
		expect(note?.code).toBe('legal.mentioned');
		expect(note?.supports).toEqual({'geo-block': 0.2});
	});
});

describe('blockedBy', () => {
	it('finds blocked-by among several links, quoted or not, in relation lists', () => {
		const headers = {link: ['<https://cdn.example/app.css>; rel="preload"; as="style", <https://isp.example/legal>; rel="blocked-by"', '<https://host.example/notice>; rel=blocked-by', '<https://x.example/>; rel="nofollow blocked-by"']};
		expect(blockedBy(view(451, headers))).toEqual(['https://isp.example/legal', 'https://host.example/notice', 'https://x.example/']);
	});
});
