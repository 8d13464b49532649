import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {chmod, chown, symlink} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import type {Finding} from '../../../src/evidence/types.js';
import {analyzeNginx, nodeNginxIo, parseNginxDump, type NginxRequest} from '../../../src/owner/nginx/index.js';
import {canRunNginx, nginxBinary, startNginx, type NginxInstance, type NginxInstanceOptions} from '../../helpers/nginx-instance.js';

/*
Each misconfiguration is first proven on a real nginx (Debian 1.22, workers as www-data): the request
answers 403, and 200 without the trigger where that applies. Then analyzeNginx reads the same config and
must name the cause first and point at the right file and line (or path component). For causes nginx logs,
the real error log must contain the line REFERENCE.md §2.1 predicts, which the finding also carries.
*/

const io = nodeNginxIo();
let instance: NginxInstance | undefined;

afterEach(async () => {
	await instance?.stop();
	instance = undefined;
});

async function start(options: NginxInstanceOptions): Promise<NginxInstance> {
	instance = await startNginx(options);
	return instance;
}

/** 1-based line of the first line containing `needle`; the fixtures below are the source of truth. */
function lineOf(text: string, needle: string): number {
	const index = text.split('\n').findIndex(line => line.includes(needle));
	expect(index, `fixture has no line with ${needle}`).toBeGreaterThanOrEqual(0);
	return index + 1;
}

function serverBlock(port: number, docroot: string, body: string): string {
	return `server {
	listen 127.0.0.1:${port};
	server_name example.test;
	root ${docroot};

${body}
}`;
}

async function analyze(site: NginxInstance, urlPath: string, extra: Partial<NginxRequest> = {}) {
	return analyzeNginx(site.confPath, {url: `http://example.test:${site.port}${urlPath}`, clientAddress: '127.0.0.1', ...extra}, io, {prefix: site.root});
}

function expectTopCause(findings: readonly Finding[], cause: string) {
	const [top] = findings;
	expect(top, 'a finding').toBeDefined();
	const best = Object.entries(top!.supports ?? {}).sort((a, b) => b[1] - a[1])[0];
	expect(best?.[0]).toBe(cause);
	expect(best?.[1]).toBeGreaterThanOrEqual(0.7);
	return top!;
}

const host = {Host: 'example.test'};

describe.skipIf(!canRunNginx)('against a real nginx', () => {
	test('deny all: 403 for the location, 200 elsewhere; the finding points at the deny line', async () => {
		const body = '\tlocation /private/ {\n\t\tdeny all;\n\t}';
		const site = await start({
			http: ({port, docroot}) => serverBlock(port, docroot, body),
			files: () => ({'www/public.html': 'public\n', 'www/private/secret.html': 'secret\n'}),
		});
		expect((await site.request('/private/secret.html', {headers: host})).status).toBe(403);
		expect((await site.request('/public.html', {headers: host})).status).toBe(200);

		const result = await analyze(site, '/private/secret.html');
		const top = expectTopCause(result.findings, 'server-deny-rule');
		expect(top.location).toEqual({file: site.confPath, line: lineOf(mainConfigText(site), 'deny all;')});
		expect(result.location.match).toBe('/private/');
		expect(result.predictedStatus).toBe(403);

		const log = await site.errorLog();
		expect(log).toMatch(/\[error\] .*access forbidden by rule, client: 127\.0\.0\.1, .*request: "GET \/private\/secret\.html HTTP\/1\.1"/);
		expect(log).toContain(String(top.data?.['expectedErrorLog']));

		const open = await analyze(site, '/public.html');
		expect(open.predictedStatus).toBe(200);
		expect(open.findings[0]?.code).toBe('nginx.config-allows');
	});

	test('IP allow list in an included file: 403 from 127.0.0.1, not for an allowed address; nginx -T gives the same answer', async () => {
		const site = await start({
			http: () => '\tinclude sites/*.conf;',
			files: ({port, docroot}) => ({
				'conf/sites/admin.conf': serverBlock(port, docroot, '\tlocation /admin/ {\n\t\tallow 10.0.0.0/8;\n\t\tdeny all;\n\t}'),
				'www/admin/panel.html': 'panel\n',
			}),
		});
		expect((await site.request('/admin/panel.html', {headers: host})).status).toBe(403);

		const included = path.join(site.confDir, 'sites', 'admin.conf');
		const text = serverBlock(site.port, site.docroot, '\tlocation /admin/ {\n\t\tallow 10.0.0.0/8;\n\t\tdeny all;\n\t}');
		const result = await analyze(site, '/admin/panel.html');
		const top = expectTopCause(result.findings, 'ip-allowlist');
		expect(top.location).toEqual({file: included, line: lineOf(text, 'deny all;')});
		expect(result.server).toEqual({file: included, line: 1, names: ['example.test']});
		expect(top.fix?.owner?.[0]).toContain('allow 127.0.0.1;');

		const fromAllowed = await analyze(site, '/admin/panel.html', {clientAddress: '10.1.2.3'});
		expect(fromAllowed.findings.some(finding => finding.supports?.['ip-allowlist'] !== undefined && finding.supports['ip-allowlist'] > 0)).toBe(false);
		expect(fromAllowed.predictedStatus).toBe(200);

		const dump = await nginxDump(site);
		const fromDump = await analyzeNginx(parseNginxDump(dump, {prefix: site.root}), {url: `http://example.test:${site.port}/admin/panel.html`, clientAddress: '127.0.0.1'}, io);
		expect(fromDump.findings[0]?.location).toEqual(top.location);

		const log = await site.errorLog();
		expect(log).toMatch(/access forbidden by rule, client: 127\.0\.0\.1, server: example\.test, request: "GET \/admin\/panel\.html HTTP\/1\.1"/);
	});

	test('unreadable file (root-owned, 0600): 403; the finding names the file', async () => {
		const site = await start({
			http: ({port, docroot}) => serverBlock(port, docroot, '\tlocation / {\n\t}'),
			files: () => ({'www/secret.html': 'secret\n', 'www/open.html': 'open\n'}),
			prepare: async ({docroot}) => chmod(path.join(docroot, 'secret.html'), 0o600),
		});
		expect((await site.request('/secret.html', {headers: host})).status).toBe(403);
		expect((await site.request('/open.html', {headers: host})).status).toBe(200);

		const file = path.join(site.docroot, 'secret.html');
		const result = await analyze(site, '/secret.html');
		const top = expectTopCause(result.findings, 'file-permissions');
		expect(top.location).toEqual({file});
		expect(result.mappedPath).toBe(file);
		expect(top.fix?.owner?.join(' ')).toContain(`chmod o+r ${file}`);

		const log = await site.errorLog();
		expect(log).toContain(`open() "${file}" failed (13: Permission denied)`);
		expect(log).toContain(String(top.data?.['expectedErrorLog']));
	});

	test('untraversable folder (0700 on a parent): 403; the finding names the folder', async () => {
		const site = await start({
			http: ({port, docroot}) => serverBlock(port, docroot, '\tlocation / {\n\t}'),
			files: () => ({'www/locked/page.html': 'page\n', 'www/open.html': 'open\n'}),
			prepare: async ({docroot}) => chmod(path.join(docroot, 'locked'), 0o700),
		});
		expect((await site.request('/locked/page.html', {headers: host})).status).toBe(403);
		expect((await site.request('/open.html', {headers: host})).status).toBe(200);

		const folder = path.join(site.docroot, 'locked');
		const result = await analyze(site, '/locked/page.html');
		const top = expectTopCause(result.findings, 'file-permissions');
		expect(top.location).toEqual({file: folder});
		expect(top.fix?.owner?.join(' ')).toContain(`chmod o+x ${folder}`);

		const log = await site.errorLog();
		expect(log).toContain(`open() "${folder}/page.html" failed (13: Permission denied)`);
		expect(log).toContain(String(top.data?.['expectedErrorLog']));
	});

	test('folder without index and autoindex off: 403; with an index file: 200', async () => {
		const site = await start({
			http: ({port, docroot}) => serverBlock(port, docroot, '\tlocation / {\n\t}'),
			files: () => ({'www/empty/notes.txt': 'n\n', 'www/withindex/index.html': 'home\n'}),
		});
		expect((await site.request('/empty/', {headers: host})).status).toBe(403);
		expect((await site.request('/withindex/', {headers: host})).status).toBe(200);

		const folder = `${site.docroot}/empty/`;
		const result = await analyze(site, '/empty/');
		const top = expectTopCause(result.findings, 'directory-index-missing');
		expect(top.location).toEqual({file: folder});

		const log = await site.errorLog();
		expect(log).toContain(`directory index of "${folder}" is forbidden`);
		expect(log).toContain(String(top.data?.['expectedErrorLog']));

		const withIndex = await analyze(site, '/withindex/');
		expect(withIndex.predictedStatus).toBe(200);
		expect(withIndex.mappedPath).toBe(`${site.docroot}/withindex/index.html`);
	});

	test('symlink refused by disable_symlinks on: 403 for the link, 200 for the real file', async () => {
		const body = '\tdisable_symlinks on;\n\n\tlocation / {\n\t}';
		const site = await start({
			http: ({port, docroot}) => serverBlock(port, docroot, body),
			files: () => ({'www/real.html': 'real\n'}),
			prepare: async ({docroot}) => symlink('real.html', path.join(docroot, 'link.html')),
		});
		expect((await site.request('/link.html', {headers: host})).status).toBe(403);
		expect((await site.request('/real.html', {headers: host})).status).toBe(200);

		const link = path.join(site.docroot, 'link.html');
		const result = await analyze(site, '/link.html');
		const top = expectTopCause(result.findings, 'symlink-blocked');
		expect(top.location).toEqual({file: link});
		expect(top.fix?.owner?.join(' ')).toContain(`${site.confPath}:${lineOf(mainConfigText(site), 'disable_symlinks on;')}`);

		const log = await site.errorLog();
		expect(log).toContain(`openat() "${link}" failed (40: Too many levels of symbolic links)`);
		expect(log).toContain(String(top.data?.['expectedErrorLog']));
	});

	test('symlinks beyond the final name: a linked folder under `on` is a 404, under if_not_owner a 403; an index behind a link is a silent 403', async () => {
		const body = '\tdisable_symlinks on;\n\n\tlocation /owner/ {\n\t\tdisable_symlinks if_not_owner;\n\t\talias __DOCROOT__/;\n\t}';
		const site = await start({
			http: ({port, docroot}) => serverBlock(port, docroot, body.replace('__DOCROOT__', docroot)),
			files: () => ({'www/real/page.html': 'page\n', 'www/idx/.keep': '', 'www/real.html': 'real\n'}),
			prepare: async ({docroot}) => {
				await symlink('real', path.join(docroot, 'linked'));
				await symlink('../real.html', path.join(docroot, 'idx', 'index.html'));
				// Link (root) and target (www-data) get different owners, which if_not_owner refuses.
				const web = await io.lookupUser('www-data');
				await chown(path.join(docroot, 'real'), web!.uid, web!.gid);
			},
		});
		expect((await site.request('/linked/page.html', {headers: host})).status).toBe(404);
		expect((await site.request('/owner/linked/page.html', {headers: host})).status).toBe(403);
		expect((await site.request('/idx/', {headers: host})).status).toBe(403);

		const onFolder = await analyze(site, '/linked/page.html');
		expect(onFolder.predictedStatus).toBe(404);
		expect(onFolder.findings[0]).toMatchObject({code: 'nginx.symlink-blocked', mark: 'warn', location: {file: path.join(site.docroot, 'linked')}});

		const ifNotOwner = await analyze(site, '/owner/linked/page.html');
		expect(ifNotOwner.predictedStatus).toBe(403);
		expect(expectTopCause(ifNotOwner.findings, 'symlink-blocked').location).toEqual({file: path.join(site.docroot, 'linked')});

		const index = await analyze(site, '/idx/');
		expect(index.predictedStatus).toBe(403);
		expect(expectTopCause(index.findings, 'symlink-blocked').location).toEqual({file: path.join(site.docroot, 'idx', 'index.html')});

		const log = await site.errorLog();
		expect(log).toContain(`openat() "${site.docroot}/linked/page.html" failed (20: Not a directory)`);
		expect(log).toContain(`openat() "${site.docroot}/linked/page.html" failed (40: Too many levels of symbolic links)`);
		// REFERENCE.md §2.1: an index file behind a refused symlink leaves nothing at error level.
		expect(log).not.toContain('GET /idx/');
	});

	test('referer rule: 403 for a foreign Referer, 200 for the site itself; nginx logs nothing for it', async () => {
		const body = '\tlocation /img/ {\n\t\tvalid_referers none server_names;\n\t\tif ($invalid_referer) {\n\t\t\treturn 403;\n\t\t}\n\t}';
		const site = await start({
			http: ({port, docroot}) => serverBlock(port, docroot, body),
			files: () => ({'www/img/logo.png': 'png\n'}),
		});
		expect((await site.request('/img/logo.png', {headers: {...host, Referer: 'http://evil.test/page'}})).status).toBe(403);
		expect((await site.request('/img/logo.png', {headers: {...host, Referer: 'http://example.test/page'}})).status).toBe(200);

		const config = mainConfigText(site);
		const result = await analyze(site, '/img/logo.png', {referer: 'http://evil.test/page'});
		const top = expectTopCause(result.findings, 'hotlink-protection');
		expect(top.location).toEqual({file: site.confPath, line: lineOf(config, 'if ($invalid_referer)')});
		expect(top.fix?.owner?.[0]).toContain(`${site.confPath}:${lineOf(config, 'valid_referers')}`);

		const fromSite = await analyze(site, '/img/logo.png', {referer: 'http://example.test/page'});
		expect(fromSite.predictedStatus).toBe(200);

		// REFERENCE.md §2.1: `return 403` behind $invalid_referer is silent in the error log.
		expect(await site.errorLog()).not.toContain('/img/logo.png');
	});

	test('method rule (limit_except GET { deny all; }): POST 403, GET 200', async () => {
		const body = '\tlocation /api/ {\n\t\tlimit_except GET {\n\t\t\tdeny all;\n\t\t}\n\t}';
		const site = await start({
			http: ({port, docroot}) => serverBlock(port, docroot, body),
			files: () => ({'www/api/data.json': '{}\n'}),
		});
		expect((await site.request('/api/data.json', {method: 'POST', headers: host})).status).toBe(403);
		expect((await site.request('/api/data.json', {headers: host})).status).toBe(200);

		const config = mainConfigText(site);
		const result = await analyze(site, '/api/data.json', {method: 'POST'});
		const top = expectTopCause(result.findings, 'method-blocked');
		expect(top.location).toEqual({file: site.confPath, line: lineOf(config, 'limit_except GET')});

		const get = await analyze(site, '/api/data.json', {method: 'GET'});
		expect(get.predictedStatus).toBe(200);

		const log = await site.errorLog();
		expect(log).toMatch(/access forbidden by rule, client: 127\.0\.0\.1, .*request: "POST \/api\/data\.json HTTP\/1\.1"/);
	});
});

/** The main config exactly as written to disk, so expected lines come from the real text. */
function mainConfigText(site: NginxInstance): string {
	return readFileSync(site.confPath, 'utf8');
}

async function nginxDump(site: NginxInstance): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(nginxBinary, ['-T', '-p', `${site.root}/`, '-c', site.confPath], {encoding: 'utf8'}, (error, stdout) => {
			if (error) {
				reject(error);
			} else {
				resolve(stdout);
			}
		});
	});
}
