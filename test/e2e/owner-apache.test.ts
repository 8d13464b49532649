import {chmod, symlink} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import type {Report, ReportCause} from '../../src/report/types.js';
import {apacheAvailable, startApache, type ApacheInstance, type ApacheInstanceOptions} from '../helpers/apache-instance.js';
import {runJson} from '../helpers/run-cli.js';
import {expectFirstCause, expectLeastPrivilege, literal, plain} from './owner-expect.js';

/*
The site owner's view, end to end on a real Apache httpd (Debian's package, children as www-data): each test
starts a private instance with one misconfiguration, proves with a real request that it answers 403 (and
200 where the misconfiguration does not apply), then runs the built CLI as an owner on the server would —
`fix403 URL --role owner --json --apache-conf … --docroot … --error-log …` — and checks that the report
names the cause first, points at the config file and line (or the blocking path component), and starts the
fix with the concrete change. Expected lines come from the config text as written to disk.

The site's own folder follows Debian's apache2.conf for /var/www (`AllowOverride None`, `Require all
granted`) unless the test is about .htaccess files.
*/

let site: ApacheInstance | undefined;
afterEach(async () => {
	await site?.stop();
	site = undefined;
});

const siteFolder = (docroot: string, ...lines: string[]) => [`<Directory "${docroot}">`, ...lines.map(line => `\t${line}`), '</Directory>'].join('\n');

async function start(options: ApacheInstanceOptions): Promise<ApacheInstance> {
	site = await startApache(options);
	return site;
}

/** The owner's run of the built CLI against the instance, with its config, document root and error log. */
async function ownerReport(instance: ApacheInstance, urlPath: string, extra: readonly string[] = []): Promise<Report> {
	return runJson([
		`${instance.origin}${urlPath}`, '--role', 'owner',
		'--apache-conf', instance.confPath, '--docroot', instance.docroot, '--error-log', instance.errorLogPath,
		...extra,
	]);
}

/** The error log's own line (its AH code and words) for the path is part of the evidence. */
function expectLogEvidence(cause: ReportCause, code: string, words: string): void {
	expect(cause.evidence.some(text => text.includes(`${code}:`) && text.includes(words)), cause.evidence.join('\n')).toBe(true);
}

describe.skipIf(!apacheAvailable)('site owner on a real Apache', () => {
	test('.htaccess `Require all denied` under AllowOverride AuthConfig → server-deny-rule at the .htaccess line', async () => {
		const instance = await start({
			files: {'www/index.html': 'home', 'www/staff/.htaccess': '# staff only, see ticket 1234\nRequire all denied\n', 'www/staff/rota.txt': 'rota'},
			config: ({docroot}) => siteFolder(docroot, 'AllowOverride AuthConfig', 'Require all granted'),
		});
		expect((await instance.request('/staff/rota.txt')).status).toBe(403);
		expect((await instance.request('/index.html')).status).toBe(200);

		const htaccess = path.join(instance.docroot, 'staff', '.htaccess');
		const first = expectFirstCause(await ownerReport(instance, '/staff/rota.txt'), 'server-deny-rule');
		const line = await instance.lineOf('Require all denied', {file: htaccess});
		expect(first.locations?.[0]).toEqual({file: htaccess, line});
		expect(first.fix[0]).toContain(`"Require all denied" at ${htaccess}:${line}`);
		expectLogEvidence(first, 'AH01630', path.join(instance.docroot, 'staff', 'rota.txt'));
	});

	test('`Options -Indexes` on a folder without an index → directory-index-missing at the Options line', async () => {
		const instance = await start({
			files: {'www/index.html': 'home', 'www/downloads/tool.tar.gz': 'gz', 'www/docs/index.html': 'docs'},
			config: ({docroot}) => siteFolder(docroot, 'Options -Indexes', 'AllowOverride None', 'Require all granted'),
		});
		expect((await instance.request('/downloads/')).status).toBe(403);
		expect((await instance.request('/docs/')).status).toBe(200);

		const folder = path.join(instance.docroot, 'downloads');
		const first = expectFirstCause(await ownerReport(instance, '/downloads/'), 'directory-index-missing');
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line: await instance.lineOf('Options -Indexes')});
		expect(first.fix[0]).toMatch(new RegExp(`^Add an index file, e\\.g\\. ${literal(folder)}/index\\.html`));
		expectLogEvidence(first, 'AH01276', `${folder}/`);
	});

	test('folder whose only index file is index.htm while DirectoryIndex is index.html → still directory-index-missing, undiminished', async () => {
		const instance = await start({
			files: {'www/archive/index.htm': 'old home page'},
			config: ({docroot}) => siteFolder(docroot, 'Options -Indexes', 'AllowOverride None', 'Require all granted'),
		});
		expect((await instance.request('/archive/')).status).toBe(403);

		const first = expectFirstCause(await ownerReport(instance, '/archive/'), 'directory-index-missing');
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line: await instance.lineOf('Options -Indexes')});
		// The config, AH01276 and the 404 of /archive/index.html all say it; a guess that index.htm counts
		// (it does not for `DirectoryIndex index.html`) must not argue it down.
		expect(first.confidence).toBeGreaterThanOrEqual(0.9);
	});

	test('`RewriteRule … [F]` → server-deny-rule at the rule (Apache logs nothing for it)', async () => {
		const instance = await start({
			files: {'www/backup.sql': 'dump', 'www/index.html': 'home'},
			config: ({docroot}) => siteFolder(docroot, 'AllowOverride None', 'Require all granted', 'RewriteEngine On', 'RewriteRule \\.(sql|bak)$ - [F]'),
		});
		expect((await instance.request('/backup.sql')).status).toBe(403);
		expect((await instance.request('/index.html')).status).toBe(200);

		const first = expectFirstCause(await ownerReport(instance, '/backup.sql'), 'server-deny-rule');
		const line = await instance.lineOf('RewriteRule');
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line});
		expect(first.fix[0]).toContain(`at ${instance.confPath}:${line}`);
		expect(await instance.readErrorLog()).not.toContain('backup.sql');
	});

	test('`Require all denied` on a sub-folder → server-deny-rule at that line', async () => {
		const instance = await start({
			files: {'www/index.html': 'home', 'www/private/ledger.txt': 'ledger'},
			config: ({docroot}) => `${siteFolder(docroot, 'AllowOverride None', 'Require all granted')}\n${siteFolder(`${docroot}/private`, 'Require all denied')}`,
		});
		expect((await instance.request('/private/ledger.txt')).status).toBe(403);
		expect((await instance.request('/index.html')).status).toBe(200);

		const first = expectFirstCause(await ownerReport(instance, '/private/ledger.txt'), 'server-deny-rule');
		const line = await instance.lineOf('Require all denied', {after: '/private">'});
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line});
		expect(first.fix[0]).toContain(`"Require all denied" at ${instance.confPath}:${line}`);
		expectLogEvidence(first, 'AH01630', path.join(instance.docroot, 'private', 'ledger.txt'));
	});

	test('IP allow list (`Require ip 10.0.0.0/8`) and a client outside it → ip-allowlist at that line', async () => {
		const instance = await start({
			files: {'www/index.html': 'home', 'www/intranet/report.txt': 'numbers'},
			config: ({docroot}) => `${siteFolder(docroot, 'AllowOverride None', 'Require all granted')}\n${siteFolder(`${docroot}/intranet`, 'Require ip 10.0.0.0/8 192.168.0.0/16')}`,
		});
		expect((await instance.request('/intranet/report.txt')).status).toBe(403);
		expect((await instance.request('/index.html')).status).toBe(200);

		const first = expectFirstCause(await ownerReport(instance, '/intranet/report.txt', ['--client-address', '127.0.0.1']), 'ip-allowlist');
		const line = await instance.lineOf('Require ip');
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line});
		expect(first.evidence[0]).toContain('127.0.0.1');
		expect(first.fix[0]).toMatch(new RegExp(`^Add the client to the allow list at ${literal(instance.confPath)}:${line}, e\\.g\\. "Require ip 127\\.0\\.0\\.1"`));
		expectLogEvidence(first, 'AH01630', path.join(instance.docroot, 'intranet', 'report.txt'));
	});

	test('unreadable file (0600 root) → file-permissions at the file, fix by chgrp/chmod', async () => {
		const instance = await start({
			files: {'www/docs/manual.txt': 'manual', 'www/docs/faq.txt': 'faq'},
			config: ({docroot}) => siteFolder(docroot, 'AllowOverride None', 'Require all granted'),
			prepare: async ({docroot}) => chmod(path.join(docroot, 'docs', 'manual.txt'), 0o600),
		});
		expect((await instance.request('/docs/manual.txt')).status).toBe(403);
		expect((await instance.request('/docs/faq.txt')).status).toBe(200);

		const file = path.join(instance.docroot, 'docs', 'manual.txt');
		const first = expectFirstCause(await ownerReport(instance, '/docs/manual.txt'), 'file-permissions');
		expect(first.locations?.[0]).toEqual({file});
		expect(plain(first.fix[0]!)).toMatch(new RegExp(`^(chmod o\\+r|chgrp www-data) ${literal(file)}\\b`));
		expectLeastPrivilege(first);
		expectLogEvidence(first, 'AH00132', file);
	});

	test('unreadable index file of a folder URL → file-permissions at the index file; AH00132, which names the file, is in the evidence', async () => {
		const instance = await start({
			files: {'www/handbook/index.html': 'handbook', 'www/index.html': 'home'},
			config: ({docroot}) => siteFolder(docroot, 'AllowOverride None', 'Require all granted'),
			prepare: async ({docroot}) => chmod(path.join(docroot, 'handbook', 'index.html'), 0o600),
		});
		expect((await instance.request('/handbook/')).status).toBe(403);
		expect((await instance.request('/')).status).toBe(200);

		const index = path.join(instance.docroot, 'handbook', 'index.html');
		const first = expectFirstCause(await ownerReport(instance, '/handbook/'), 'file-permissions');
		expect(first.locations?.[0]).toEqual({file: index});
		expect(plain(first.fix[0]!)).toMatch(new RegExp(`^(chmod o\\+r|chgrp www-data) ${literal(index)}\\b`));
		expectLeastPrivilege(first);
		// The log line has no request line, only the index file's path (REFERENCE.md §2.2, AH00132).
		expectLogEvidence(first, 'AH00132', `file permissions deny server access: ${index}`);
	});

	test('untraversable folder two levels up (0700) → file-permissions at that folder, fix `chmod o+x` on it', async () => {
		const instance = await start({
			files: {'www/members/2024/minutes.txt': 'minutes', 'www/index.html': 'home'},
			config: ({docroot}) => siteFolder(docroot, 'AllowOverride None', 'Require all granted'),
			prepare: async ({docroot}) => chmod(path.join(docroot, 'members'), 0o700),
		});
		expect((await instance.request('/members/2024/minutes.txt')).status).toBe(403);
		expect((await instance.request('/index.html')).status).toBe(200);

		const folder = path.join(instance.docroot, 'members');
		const first = expectFirstCause(await ownerReport(instance, '/members/2024/minutes.txt'), 'file-permissions');
		expect(first.locations?.[0]).toEqual({file: folder});
		expect(plain(first.fix[0]!)).toMatch(new RegExp(`^chmod o\\+x ${literal(folder)}(?![/\\w])`));
		expectLeastPrivilege(first);
		// httpd names the URL and the first path it could not stat: REFERENCE.md §2.2, AH00035.
		expectLogEvidence(first, 'AH00035', `access to /members/2024/minutes.txt denied (filesystem path '${folder}/2024')`);
	});

	test('blocked symlink (`Options -FollowSymLinks`) → symlink-blocked at the Options line', async () => {
		const instance = await start({
			files: {'www/releases/v2.txt': 'v2'},
			config: ({docroot}) => siteFolder(docroot, 'Options -FollowSymLinks', 'AllowOverride None', 'Require all granted'),
			prepare: async ({docroot}) => symlink(path.join(docroot, 'releases', 'v2.txt'), path.join(docroot, 'latest.txt')),
		});
		expect((await instance.request('/latest.txt')).status).toBe(403);
		expect((await instance.request('/releases/v2.txt')).status).toBe(200);

		const link = path.join(instance.docroot, 'latest.txt');
		const first = expectFirstCause(await ownerReport(instance, '/latest.txt'), 'symlink-blocked');
		const line = await instance.lineOf('Options -FollowSymLinks');
		expect(first.locations?.[0]).toEqual({file: instance.confPath, line});
		expect(first.fix[0]).toMatch(/^Add "Options \+FollowSymLinks"/);
		expect(first.fix[0]).toContain(`${instance.confPath}:${line}`);
		expect(first.fix[0]).toContain(link);
		expectLogEvidence(first, 'AH00037', link);
	});
});
