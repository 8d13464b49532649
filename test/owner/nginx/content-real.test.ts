import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {analyzeNginx, nodeNginxIo} from '../../../src/owner/nginx/index.js';
import {canRunNginx, startNginx, type NginxInstance} from '../../helpers/nginx-instance.js';

/*
How a URL becomes a file, checked against a real nginx: index files redirect internally (and land in
another location), `rewrite … last` searches locations again, `try_files` (nginx docs, core module;
a `$uri/` match on a folder without index is a 403, as nginx/nginx PR #797 describes), `alias`, `autoindex`.
*/
function body(docroot: string): string {
	return `
	location = /index.html {
		deny all; # index
	}

	location /old/ {
		rewrite ^/old/(.*)$ /private/$1 last;
	}

	location /private/ {
		deny all; # private
	}

	location /app/ {
		try_files $uri $uri/ /app/index.html;
	}

	location /strict/ {
		try_files $uri $uri/ =404;
	}

	location /pics/ {
		alias ${docroot}/images/;
	}

	location /list/ {
		autoindex on;
	}
`;
}

const files = ['index.html', 'private/x.html', 'app/index.html', 'app/main.js', 'strict/sub/a.txt', 'strict/page.html', 'images/a.png', 'images/sub/b.txt', 'list/a.txt'];

type Row = [name: string, path: string, status: number, top: {cause: string; line: string; file?: undefined} | {cause: string; file: string; line?: undefined} | undefined, mapped: string | undefined];

const rows: Row[] = [
	['index file redirects into a denied exact location', '/', 403, {cause: 'server-deny-rule', line: 'deny all; # index'}, undefined],
	['rewrite … last lands in a denied location', '/old/x.html', 403, {cause: 'server-deny-rule', line: 'deny all; # private'}, undefined],
	['try_files falls back to the app shell', '/app/some/route', 200, undefined, 'app/index.html'],
	['try_files serves an existing file', '/app/main.js', 200, undefined, 'app/main.js'],
	['try_files $uri/ on a folder without index → 403', '/strict/sub/', 403, {cause: 'directory-index-missing', file: 'strict/sub/'}, 'strict/sub/'],
	['try_files =404 for a missing file', '/strict/none', 404, undefined, undefined],
	['alias maps the prefix away', '/pics/a.png', 200, undefined, 'images/a.png'],
	['alias folder without index', '/pics/sub/', 403, {cause: 'directory-index-missing', file: 'images/sub/'}, 'images/sub/'],
	['autoindex on lists the folder', '/list/', 200, undefined, 'list/'],
	['a folder without the slash is redirected', '/list', 301, undefined, 'list'],
];

describe.skipIf(!canRunNginx)('URL → file on a real nginx, and the same from the config', () => {
	let site: NginxInstance;
	let config: string;
	beforeAll(async () => {
		site = await startNginx({
			http: ({port, docroot}) => `\tserver {\n\t\tlisten 127.0.0.1:${port};\n\t\tserver_name example.test;\n\t\troot ${docroot};\n${body(docroot)}\n\t}`,
			files: () => Object.fromEntries(files.map(file => [`www/${file}`, `${file}\n`])),
		});
		config = readFileSync(site.confPath, 'utf8');
	});
	afterAll(async () => site?.stop());

	test.each(rows)('%s (%s)', async (_name, urlPath, status, top, mapped) => {
		expect((await site.request(urlPath, {headers: {Host: 'example.test'}})).status).toBe(status);

		const result = await analyzeNginx(site.confPath, {url: `http://example.test:${site.port}${urlPath}`, clientAddress: '127.0.0.1'}, nodeNginxIo(), {prefix: site.root});
		expect(result.predictedStatus).toBe(status);
		if (mapped !== undefined) {
			expect(result.mappedPath).toBe(`${site.docroot}/${mapped}`);
		}

		if (top === undefined) {
			expect(result.findings.filter(finding => finding.mark === 'fail')).toEqual([]);
			return;
		}

		const [first] = result.findings;
		expect(Object.entries(first?.supports ?? {}).sort((a, b) => b[1] - a[1])[0]?.[0]).toBe(top.cause);
		expect(first?.location).toEqual(top.line === undefined
			? {file: `${site.docroot}/${top.file}`}
			: {file: site.confPath, line: config.slice(0, config.indexOf(top.line)).split('\n').length});
	});

	test('the chain reads server → location → file → verdict', async () => {
		const result = await analyzeNginx(site.confPath, {url: `http://example.test:${site.port}/pics/sub/`, clientAddress: '127.0.0.1'}, nodeNginxIo(), {prefix: site.root});
		const lines = result.chain.split('\n');
		expect(lines[0]).toBe(`server example.test (${site.confPath}:${result.server.line}, exact server_name match)`);
		expect(lines[1]).toBe(`→ location /pics/ (${site.confPath}:${result.location.line})`);
		expect(lines[2]).toBe(`→ ${site.docroot}/images/sub/`);
		expect(lines[3]).toMatch(/^→ 403: The folder .*images\/sub\/ has no index file/);
	});
});
