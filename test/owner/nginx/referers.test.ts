import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {evaluateReferer} from '../../../src/owner/nginx/referers.js';
import {canRunNginx, startNginx, type NginxInstance} from '../../helpers/nginx-instance.js';

// The example of nginx docs, ngx_http_referer_module (nginx/nginx.org xml/en/docs/http/ngx_http_referer_module.xml):
//   valid_referers none blocked server_names *.example.com example.* www.example.org/galleries/ ~\.google\.;
const docs = ['none', 'blocked', 'server_names', '*.example.com', 'example.*', 'www.example.org/galleries/', '~\\.google\\.'];
const serverNames = ['site.test', 'www.site.test'];

const cases: Array<[string | undefined, '' | '1']> = [
	[undefined, ''],
	['', ''],
	['android-app://com.example', ''],
	['http://site.test/page', ''],
	['https://www.site.test:8443/x', ''],
	['http://img.example.com/a', ''],
	['http://example.com/a', ''],
	['http://examples.com/a', '1'],
	['http://www.example.com.evil.test/', '1'],
	['http://example.net/a', ''],
	['http://www.example.org/galleries/1', ''],
	['http://www.example.org/other/1', '1'],
	['https://www.google.de/search?q=x', ''],
	['HTTP://IMG.EXAMPLE.COM/', ''],
	['http://evil.test/', '1'],
];

describe('evaluateReferer', () => {
	test.each(cases)('docs example: Referer %s → $invalid_referer "%s"', (referer, expected) => {
		expect(evaluateReferer(docs, referer, serverNames).invalidReferer).toBe(expected);
	});

	test('without none/blocked, a missing or scheme-less Referer is invalid', () => {
		expect(evaluateReferer(['server_names'], undefined, serverNames).invalidReferer).toBe('1');
		expect(evaluateReferer(['server_names'], 'example', serverNames).invalidReferer).toBe('1');
	});

	test('the reason names what matched', () => {
		expect(evaluateReferer(docs, 'http://img.example.com/a', serverNames)).toMatchObject({matchedBy: '*.example.com'});
		expect(evaluateReferer(['none'], 'http://evil.test/', []).reason).toContain('evil.test');
	});
});

describe.skipIf(!canRunNginx)('the same table on a real nginx', () => {
	let site: NginxInstance;
	beforeAll(async () => {
		site = await startNginx({
			http: ({port}) => `server {
	listen 127.0.0.1:${port};
	server_name ${serverNames.join(' ')};
	valid_referers ${docs.join(' ')};
	if ($invalid_referer) {
		return 403;
	}

	return 200 ok;
}`,
		});
	});
	afterAll(async () => site?.stop());

	test.each(cases)('Referer %s', async (referer, expected) => {
		const headers: Record<string, string> = {Host: 'site.test'};
		if (referer !== undefined) {
			headers['Referer'] = referer;
		}

		const response = await site.request('/', {headers});
		expect(response.status).toBe(expected === '1' ? 403 : 200);
		expect(evaluateReferer(docs, referer, serverNames).invalidReferer).toBe(expected);
	});
});
