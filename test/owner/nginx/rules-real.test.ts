import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {analyzeNginx, nodeNginxIo, type NginxRequest} from '../../../src/owner/nginx/index.js';
import {canRunNginx, startNginx, type NginxInstance} from '../../helpers/nginx-instance.js';

/*
More 403 rules, one real nginx, one table: every row is sent to nginx first; the analysis must predict the
same status and name the expected cause (with at least the given strength) at the expected line.
Rule shapes follow nginx docs: ngx_http_rewrite_module (if/return), ngx_http_secure_link_module (its
example), ngx_http_core_module (satisfy), ngx_http_auth_request_module, ngx_http_limit_req_module.
*/
const serverBody = `
	if ($http_x_maintenance) {
		return 403;
	}

	location /bots/ {
		if ($http_user_agent ~* (bot|crawler|curl)) {
			return 403;
		}
	}

	location /write/ {
		if ($request_method !~ ^(GET|HEAD)$) {
			return 403;
		}
	}

	location /s/ {
		secure_link $arg_md5,$arg_expires;
		secure_link_md5 "$secure_link_expires$uri$remote_addr secret";
		if ($secure_link = "") {
			return 403;
		}
		if ($secure_link = "0") {
			return 403;
		}
	}

	location /team/ {
		deny all;
		location /team/public/ {
			allow all;
		}
		location /team/inner/ {
		}
	}

	location /members/ {
		satisfy any;
		allow 10.0.0.0/8;
		deny all;
		auth_basic "members";
		auth_basic_user_file htpasswd;
	}

	location /auth/ {
		auth_request /_auth;
	}

	location = /_auth {
		internal;
		return 403;
	}

	location /limited/ {
		limit_req zone=one;
		limit_req_status 403;
	}
`;

const files = ['bots/a.txt', 'write/a.txt', 's/link', 'team/x.txt', 'team/public/x.txt', 'team/inner/x.txt', 'members/x.txt', 'auth/x.txt', 'limited/x.txt', 'plain.txt'];

type Row = {
	readonly name: string;
	readonly path: string;
	readonly method?: string;
	readonly headers?: Record<string, string>;
	readonly status: number;
	/** Expected first finding: cause, minimum strength, and a text on its line of the config. */
	readonly top?: {readonly cause: string; readonly min: number; readonly line: string};
};

const expires = (offsetSeconds: number) => String(Math.floor(Date.now() / 1000) + offsetSeconds);
const sign = (uri: string, expiry: string) => createHash('md5').update(`${expiry}${uri}127.0.0.1 secret`).digest('base64url');
const future = expires(3600);
const past = expires(-3600);

const rows: Row[] = [
	{name: 'server-level rule', path: '/plain.txt', headers: {'X-Maintenance': '1'}, status: 403, top: {cause: 'server-deny-rule', min: 0.9, line: 'if ($http_x_maintenance)'}},
	{name: 'no trigger: plain file', path: '/plain.txt', status: 200},
	{name: 'user-agent rule', path: '/bots/a.txt', headers: {'User-Agent': 'curl/8.5.0'}, status: 403, top: {cause: 'bot-block', min: 0.9, line: 'if ($http_user_agent'}},
	{name: 'browser UA passes', path: '/bots/a.txt', headers: {'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0'}, status: 200},
	{name: 'method rule via if', path: '/write/a.txt', method: 'DELETE', status: 403, top: {cause: 'method-blocked', min: 0.9, line: 'if ($request_method'}},
	{name: 'GET passes the method rule', path: '/write/a.txt', status: 200},
	{name: 'signed link without hash', path: `/s/link?expires=${future}`, status: 403, top: {cause: 'signed-url-invalid', min: 0.9, line: 'if ($secure_link = "")'}},
	{name: 'signed link with a wrong hash', path: `/s/link?md5=${sign('/s/other', future)}&expires=${future}`, status: 403, top: {cause: 'signed-url-invalid', min: 0.9, line: 'if ($secure_link = "")'}},
	{name: 'expired signed link', path: `/s/link?md5=${sign('/s/link', past)}&expires=${past}`, status: 403, top: {cause: 'signed-url-expired', min: 0.9, line: 'if ($secure_link = "0")'}},
	{name: 'valid signed link', path: `/s/link?md5=${sign('/s/link', future)}&expires=${future}`, status: 200},
	{name: 'deny all in a location', path: '/team/x.txt', status: 403, top: {cause: 'server-deny-rule', min: 0.9, line: 'deny all;'}},
	{name: 'nested allow replaces the outer deny', path: '/team/public/x.txt', status: 200},
	{name: 'nested location inherits the outer deny', path: '/team/inner/x.txt', status: 403, top: {cause: 'server-deny-rule', min: 0.9, line: 'deny all;'}},
	{name: 'satisfy any: password asked instead of 403', path: '/members/x.txt', status: 401, top: {cause: 'ip-allowlist', min: 0.4, line: '\t\tdeny all;\n\t\tauth_basic'}},
	{name: 'auth_request answered 403 inside the server', path: '/auth/x.txt', status: 403, top: {cause: 'missing-credentials', min: 0.9, line: 'auth_request /_auth;'}},
	{name: 'limit_req_status 403 (first request is within the limit)', path: '/limited/x.txt', status: 200, top: {cause: 'rate-limited', min: 0.3, line: 'limit_req_status 403;'}},
];

describe.skipIf(!canRunNginx)('403 rules on a real nginx, judged from the same config', () => {
	let site: NginxInstance;
	let config: string;
	beforeAll(async () => {
		site = await startNginx({
			http: ({port, docroot}) => `\tlimit_req_zone $binary_remote_addr zone=one:1m rate=1r/m;\n\tserver {\n\t\tlisten 127.0.0.1:${port};\n\t\tserver_name example.test;\n\t\troot ${docroot};\n${serverBody}\n\t}`,
			files: () => Object.fromEntries(files.map(file => [`www/${file}`, `${file}\n`])),
		});
		config = readFileSync(site.confPath, 'utf8');
	});
	afterAll(async () => site?.stop());

	/** Line of the first occurrence of `needle` (which may span lines; the line of its first character counts). */
	const lineOf = (needle: string) => config.slice(0, config.indexOf(needle)).split('\n').length;

	test.each(rows)('$name', async row => {
		const headers = {Host: 'example.test', ...row.headers};
		const real = await site.request(row.path, {method: row.method, headers});
		expect(real.status).toBe(row.status);

		const {'User-Agent': userAgent, ...others} = row.headers ?? {};
		const request: NginxRequest = {url: `http://example.test:${site.port}${row.path}`, method: row.method, clientAddress: '127.0.0.1', userAgent, headers: others};
		const result = await analyzeNginx(site.confPath, request, nodeNginxIo(), {prefix: site.root});
		expect(result.predictedStatus).toBe(row.status);
		if (row.top === undefined) {
			expect(result.findings.filter(finding => finding.mark === 'fail')).toEqual([]);
			return;
		}

		const [top] = result.findings;
		expect(config.includes(row.top.line), 'needle in config').toBe(true);
		expect(top?.supports?.[row.top.cause as 'bot-block']).toBeGreaterThanOrEqual(row.top.min);
		expect(Math.max(...Object.values(top?.supports ?? {}))).toBe(top?.supports?.[row.top.cause as 'bot-block']);
		expect(top?.location).toEqual({file: site.confPath, line: lineOf(row.top.line)});
	});

	test('limit_req_status 403: the second request in a minute is refused, and the error log says why', async () => {
		const first = await site.request('/limited/x.txt', {headers: {Host: 'example.test'}});
		const second = await site.request('/limited/x.txt', {headers: {Host: 'example.test'}});
		expect([first.status, second.status]).toContain(403);
		// REFERENCE.md §2.1: limit_req logs "limiting requests, excess: N by zone "z"" at error level.
		expect(await site.errorLog()).toMatch(/\[error\] .*limiting requests, excess: [\d.]+ by zone "one", client: 127\.0\.0\.1/);
	});
});
