import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {parseNginxText, selectLocation} from '../../../src/owner/nginx/index.js';
import type {Directive} from '../../../src/owner/nginx/index.js';
import {canRunNginx, startNginx, type NginxInstance} from '../../helpers/nginx-instance.js';

/*
The example of nginx's own documentation, ngx_http_core_module "location"
(nginx/nginx.org xml/en/docs/http/ngx_http_core_module.xml; quoted the same way on nginx.org):
  location = / { [ configuration A ] }   location / { [ configuration B ] }
  location /documents/ { [ configuration C ] }   location ^~ /images/ { [ configuration D ] }
  location ~* \.(gif|jpg|jpeg)$ { [ configuration E ] }
"The “/” request will match configuration A, the “/index.html” request will match configuration B, the
“/documents/document.html” request will match configuration C, the “/images/1.gif” request will match
configuration D, and the “/documents/1.jpg” request will match configuration E."
Each configuration here answers its own letter so the same text runs on a real nginx.
*/
const docsExample = `
	location = / { return 200 A; }
	location / { return 200 B; }
	location /documents/ { return 200 C; }
	location ^~ /images/ { return 200 D; }
	location ~* \\.(gif|jpg|jpeg)$ { return 200 E; }
`;

// Harder cases: nesting, ^~ inside a plain prefix, regex order, case, exact vs prefix of the same name.
const nestingExample = `
	location /a/ {
		return 200 A;
		location /a/b/ { return 200 AB; }
		location ~ \\.php$ { return 200 APHP; }
	}
	location /n/ {
		return 200 N;
		location ^~ /n/deep/ { return 200 NDEEP; }
	}
	location ~ deep { return 200 RDEEP; }
	location ~ \\.html$ { return 200 RHTML; }
	location ~ \\.(html|htm)$ { return 200 RHTML2; }
	location ~ \\.TXT$ { return 200 RTXT; }
	location /exact { return 200 PREFIX; }
	location = /exact { return 200 EXACT; }
	location /images { return 200 IMG; }
	location @fallback { return 200 NAMED; }
`;

const docsCases: Array<[string, string]> = [
	['/', 'A'],
	['/index.html', 'B'],
	['/documents/document.html', 'C'],
	['/images/1.gif', 'D'],
	['/documents/1.jpg', 'E'],
];

const nestingCases: Array<[string, string]> = [
	['/a/b/x', 'AB'],
	['/a/b/x.php', 'APHP'],
	['/a/x', 'A'],
	['/a/b/x.html', 'RHTML'],
	['/n/deep/x', 'RDEEP'],
	['/n/other', 'N'],
	['/page.htm', 'RHTML2'],
	['/notes.txt', 'NOMATCH'],
	['/exact', 'EXACT'],
	['/exactly', 'PREFIX'],
	['/imagesfoo', 'IMG'],
	['/@fallback', 'NOMATCH'],
];

function serverBlock(locations: string): readonly Directive[] {
	const [server] = parseNginxText(`server {${locations}}`, 'site.conf');
	return server!.block!;
}

/** The letter the chosen location returns; NOMATCH when the server block itself handles the request. */
function chosen(locations: string, uri: string): string {
	const {chain} = selectLocation(serverBlock(locations), uri);
	const location = chain.at(-1);
	return location?.block?.find(item => item.name === 'return')?.args[1] ?? 'NOMATCH';
}

describe('selectLocation', () => {
	test.each(docsCases)('nginx docs example: %s → configuration %s', (uri, expected) => {
		expect(chosen(docsExample, uri)).toBe(expected);
	});

	test.each(nestingCases)('nesting and order: %s → %s', (uri, expected) => {
		expect(chosen(nestingExample, uri)).toBe(expected);
	});

	test('the chain lists outer locations first and keeps file and line', () => {
		const {chain} = selectLocation(serverBlock(nestingExample), '/a/b/x');
		expect(chain.map(location => `${location.args.join(' ')}@${location.line}`)).toEqual(['/a/@2', '/a/b/@4']);
	});

	test('regex captures are kept for alias', () => {
		const block = serverBlock('location ~ ^/users/(.+\\.(?:gif|jpe?g|png))$ { alias /data/w3/images/$1; }');
		expect(selectLocation(block, '/users/me.png').captures).toEqual(['me.png']);
	});

	test('a regex JavaScript cannot run is reported, not thrown', () => {
		const block = serverBlock('location ~ ^/(?>atomic)x$ { return 200 X; } location / { return 200 B; }');
		const result = selectLocation(block, '/atomicx');
		expect(result.unsupported).toHaveLength(1);
		expect(result.chain.at(-1)?.args).toEqual(['/']);
	});
});

describe.skipIf(!canRunNginx)('the same tables on a real nginx', () => {
	let site: NginxInstance;
	beforeAll(async () => {
		site = await startNginx({
			http: ({port}) => `server { listen 127.0.0.1:${port}; server_name docs.test; ${docsExample} }
server { listen 127.0.0.1:${port}; server_name nest.test; ${nestingExample} }`,
		});
	});
	afterAll(async () => site?.stop());

	test.each(docsCases)('docs example %s', async (uri, expected) => {
		const response = await site.request(uri, {headers: {Host: 'docs.test'}});
		expect(response.body).toBe(expected);
		expect(chosen(docsExample, uri)).toBe(response.body);
	});

	test.each(nestingCases)('nesting %s', async (uri, expected) => {
		const response = await site.request(uri, {headers: {Host: 'nest.test'}});
		// Without a matching location nginx serves from the default root: a 404 here.
		const real = response.status === 404 ? 'NOMATCH' : response.body;
		expect(real).toBe(expected);
		expect(chosen(nestingExample, uri)).toBe(real);
	});
});
