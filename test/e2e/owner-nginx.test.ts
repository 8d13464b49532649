import {readFileSync} from 'node:fs';
import {chmod, symlink} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import type {Report} from '../../src/report/types.js';
import {canRunNginx, startNginx, type NginxInstanceOptions, type NginxInstance, type SitePaths} from '../helpers/nginx-instance.js';
import {runJson} from '../helpers/run-cli.js';
import {expectFirstCause, expectLeastPrivilege, literal, plain} from './owner-expect.js';

/*
The site owner's view, end to end on a real nginx (Debian's package, workers as www-data): each test starts
a private instance with one misconfiguration, proves with a real request that it answers 403 (and that the
same server answers 200 where the misconfiguration does not apply), then runs the built CLI as an owner on
the server would — `fix403 URL --role owner --json --nginx-conf … --docroot … --error-log …` — and checks
that the report names the cause first, points at the config file and line (or the blocking path
component), and starts the fix with the concrete change. Expected lines come from the config text as
written to disk, never from the report.
*/

let site: NginxInstance | undefined;
afterEach(async () => {
	await site?.stop();
	site = undefined;
});

const serverBlock = ({port, docroot}: SitePaths, body: string) => `server {
	listen 127.0.0.1:${port};
	server_name localhost;
	root ${docroot};

${body}
}`;

async function start(options: NginxInstanceOptions): Promise<NginxInstance> {
	site = await startNginx(options);
	return site;
}

/** 1-based number of the first line of `file` that contains `needle`. */
function lineOf(file: string, needle: string): number {
	const index = readFileSync(file, 'utf8').split('\n').findIndex(line => line.includes(needle));
	expect(index, `${file} has no line with ${needle}`).toBeGreaterThanOrEqual(0);
	return index + 1;
}

/** The owner's run of the built CLI against the instance, with its config, document root and error log. */
async function ownerReport(instance: NginxInstance, urlPath: string, extra: readonly string[] = []): Promise<Report> {
	return runJson([
		`http://127.0.0.1:${instance.port}${urlPath}`, '--role', 'owner',
		'--nginx-conf', instance.confPath, '--docroot', instance.docroot, '--error-log', instance.errorLogPath,
		...extra,
	]);
}

const host = {Host: 'localhost'};

describe.skipIf(!canRunNginx)('site owner on a real nginx', () => {
	test('deny rule: `deny all;` in a location → server-deny-rule at that line', async () => {
		const instance = await start({
			http: paths => serverBlock(paths, '\tlocation /private/ {\n\t\tdeny all;\n\t}'),
			files: () => ({'www/private/report.html': 'report\n', 'www/index.html': 'home\n'}),
		});
		expect((await instance.request('/private/report.html', {headers: host})).status).toBe(403);
		expect((await instance.request('/index.html', {headers: host})).status).toBe(200);

		const first = expectFirstCause(await ownerReport(instance, '/private/report.html'), 'server-deny-rule');
		const line = lineOf(instance.confPath, 'deny all;');
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line});
		expect(first.fix[0]).toContain(`\`deny all;\` (${instance.confPath}:${line})`);
		expect(first.evidence.some(text => text.includes('access forbidden by rule'))).toBe(true);
	});

	test('IP allow list in an included site file → ip-allowlist at the `deny all;` after the allow', async () => {
		const location = '\tlocation /admin/ {\n\t\tallow 10.0.0.0/8;\n\t\tallow 192.168.0.0/16;\n\t\tdeny all;\n\t}';
		const instance = await start({
			http: () => '\tinclude sites/*.conf;',
			files: paths => ({'conf/sites/intranet.conf': serverBlock(paths, location), 'www/admin/panel.html': 'panel\n', 'www/index.html': 'home\n'}),
		});
		expect((await instance.request('/admin/panel.html', {headers: host})).status).toBe(403);
		expect((await instance.request('/index.html', {headers: host})).status).toBe(200);

		const included = path.join(instance.confDir, 'sites', 'intranet.conf');
		const report = await ownerReport(instance, '/admin/panel.html', ['--client-address', '127.0.0.1']);
		const first = expectFirstCause(report, 'ip-allowlist');
		const line = lineOf(included, 'deny all;');
		expect(first.locations?.[0]).toEqual({file: included, line});
		expect(first.evidence[0]).toContain('127.0.0.1');
		expect(first.fix[0]).toMatch(/^Add `allow 127\.0\.0\.1;` before `deny all;`/);
		expect(first.fix[0]).toContain(`${included}:${line}`);
	});

	test('unreadable file (0600 root) → file-permissions at the file, fix by chmod/chgrp', async () => {
		const instance = await start({
			http: paths => serverBlock(paths, '\tlocation / {\n\t}'),
			files: () => ({'www/docs/manual.html': 'manual\n', 'www/docs/faq.html': 'faq\n'}),
			prepare: async ({docroot}) => chmod(path.join(docroot, 'docs', 'manual.html'), 0o600),
		});
		expect((await instance.request('/docs/manual.html', {headers: host})).status).toBe(403);
		expect((await instance.request('/docs/faq.html', {headers: host})).status).toBe(200);

		const file = path.join(instance.docroot, 'docs', 'manual.html');
		const first = expectFirstCause(await ownerReport(instance, '/docs/manual.html'), 'file-permissions');
		expect(first.locations?.[0]).toEqual({file});
		expect(plain(first.fix[0]!)).toMatch(new RegExp(`^(chmod o\\+r|chgrp www-data) ${literal(file)}\\b`));
		expectLeastPrivilege(first);
		expect(first.evidence.some(text => text.includes(`open() "${file}" failed (13: Permission denied)`))).toBe(true);
	});

	test('untraversable folder two levels up (0700) → file-permissions at that folder, fix `chmod o+x` on it', async () => {
		const instance = await start({
			http: paths => serverBlock(paths, '\tlocation / {\n\t}'),
			files: () => ({'www/members/2024/minutes.html': 'minutes\n', 'www/index.html': 'home\n'}),
			prepare: async ({docroot}) => chmod(path.join(docroot, 'members'), 0o700),
		});
		expect((await instance.request('/members/2024/minutes.html', {headers: host})).status).toBe(403);
		expect((await instance.request('/index.html', {headers: host})).status).toBe(200);

		const folder = path.join(instance.docroot, 'members');
		const first = expectFirstCause(await ownerReport(instance, '/members/2024/minutes.html'), 'file-permissions');
		expect(first.locations?.[0]).toEqual({file: folder});
		expect(plain(first.fix[0]!)).toMatch(new RegExp(`^chmod o\\+x ${literal(folder)}(?![/\\w])`));
		expectLeastPrivilege(first);
	});

	test('folder without index and autoindex off → directory-index-missing at the folder, fix adds index.html', async () => {
		const instance = await start({
			http: paths => serverBlock(paths, '\tlocation / {\n\t}'),
			files: () => ({'www/downloads/tool.tar.gz': 'gz\n', 'www/docs/index.html': 'docs\n'}),
		});
		expect((await instance.request('/downloads/', {headers: host})).status).toBe(403);
		expect((await instance.request('/docs/', {headers: host})).status).toBe(200);

		const folder = `${instance.docroot}/downloads/`;
		const first = expectFirstCause(await ownerReport(instance, '/downloads/'), 'directory-index-missing');
		expect(first.locations?.[0]).toEqual({file: folder});
		expect(first.fix[0]).toMatch(new RegExp(`^Add an index file, e\\.g\\. ${literal(folder)}index\\.html`));
		expect(first.evidence.some(text => text.includes(`directory index of "${folder}" is forbidden`))).toBe(true);
	});

	test('folder whose only index file is index.htm while nginx looks for index.html → still directory-index-missing, undiminished', async () => {
		const instance = await start({
			http: paths => serverBlock(paths, '\tlocation / {\n\t}'),
			files: () => ({'www/archive/index.htm': 'old home page\n'}),
		});
		expect((await instance.request('/archive/', {headers: host})).status).toBe(403);

		const first = expectFirstCause(await ownerReport(instance, '/archive/'), 'directory-index-missing');
		expect(first.locations?.[0]).toEqual({file: `${instance.docroot}/archive/`});
		// The config, the error log and the 404 of /archive/index.html all say it; a guess that index.htm
		// counts (it does not for `index index.html`) must not argue it down.
		expect(first.confidence).toBeGreaterThanOrEqual(0.9);
	});

	test('blocked symlink (`disable_symlinks on;`) → symlink-blocked at the link, fix names the directive\'s line', async () => {
		const instance = await start({
			http: paths => serverBlock(paths, '\tdisable_symlinks on;\n\n\tlocation / {\n\t}'),
			files: () => ({'www/releases/v2.html': 'v2\n'}),
			prepare: async ({docroot}) => symlink('releases/v2.html', path.join(docroot, 'latest.html')),
		});
		expect((await instance.request('/latest.html', {headers: host})).status).toBe(403);
		expect((await instance.request('/releases/v2.html', {headers: host})).status).toBe(200);

		const link = path.join(instance.docroot, 'latest.html');
		const first = expectFirstCause(await ownerReport(instance, '/latest.html'), 'symlink-blocked');
		expect(first.locations?.[0]).toEqual({file: link});
		expect(first.fix[0]).toMatch(new RegExp(`^Replace the link ${literal(link)} with the real file`));
		expect(first.fix.join('\n')).toContain(`${instance.confPath}:${lineOf(instance.confPath, 'disable_symlinks on;')}`);
		expect(first.evidence.some(text => text.includes('(40: Too many levels of symbolic links)'))).toBe(true);
	});

	test('referer rule (valid_referers + `if ($invalid_referer)`) → hotlink-protection at the if, fix names valid_referers', async () => {
		const body = '\tlocation /img/ {\n\t\tvalid_referers none blocked server_names;\n\t\tif ($invalid_referer) {\n\t\t\treturn 403;\n\t\t}\n\t}';
		const instance = await start({
			http: paths => serverBlock(paths, body),
			files: () => ({'www/img/logo.png': 'png\n'}),
		});
		const foreign = 'http://forum.example.net/thread/42';
		expect((await instance.request('/img/logo.png', {headers: {...host, Referer: foreign}})).status).toBe(403);
		expect((await instance.request('/img/logo.png', {headers: {...host, Referer: 'http://localhost/'}})).status).toBe(200);

		const first = expectFirstCause(await ownerReport(instance, '/img/logo.png', ['--referer', foreign]), 'hotlink-protection');
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line: lineOf(instance.confPath, 'if ($invalid_referer)')});
		expect(first.fix[0]).toContain(`\`valid_referers none blocked server_names;\` (${instance.confPath}:${lineOf(instance.confPath, 'valid_referers')})`);
	});

	test('method rule (`limit_except GET { deny all; }`) with POST → method-blocked at limit_except', async () => {
		const body = '\tlocation /api/ {\n\t\tlimit_except GET {\n\t\t\tdeny all;\n\t\t}\n\t}';
		const instance = await start({
			http: paths => serverBlock(paths, body),
			files: () => ({'www/api/orders.json': '[]\n'}),
		});
		expect((await instance.request('/api/orders.json', {method: 'POST', headers: host})).status).toBe(403);
		expect((await instance.request('/api/orders.json', {headers: host})).status).toBe(200);

		const report = await ownerReport(instance, '/api/orders.json', ['-X', 'POST']);
		expect(report.target.method).toBe('POST');
		const first = expectFirstCause(report, 'method-blocked');
		const line = lineOf(instance.confPath, 'limit_except GET');
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line});
		expect(first.fix[0]).toMatch(new RegExp(`^If POST should be allowed here, add it to \`limit_except GET\` \\(${literal(instance.confPath)}:${line}\\)`));
	});
});
