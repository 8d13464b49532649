import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {readAccessLog} from '../../../src/owner/logs/read-access-log.js';
import {readErrorLog} from '../../../src/owner/logs/read-error-log.js';
import {chown, makeTempRoot, removeTree} from '../permissions/tree.js';
import {startApache} from './apache-lab.js';
import {startNginx} from './nginx-lab.js';

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

/** Ground truth independent of the parser: 1-based numbers of the lines containing `needle`. */
function linesWith(file: string, needle: string): number[] {
	return fs.readFileSync(file, 'utf8').split('\n').flatMap((line, index) => line.includes(needle) ? [index + 1] : []);
}

function site(root: string): string {
	const www = path.join(root, 'www');
	for (const [name, mode] of [['ok.html', 0o644], ['secret.html', 0o600], ['admin', 0o644], ['feed', 0o644], ['deny/x.html', 0o644], ['priv/x.html', 0o644]] as const) {
		fs.mkdirSync(path.dirname(path.join(www, name)), {recursive: true});
		fs.writeFileSync(path.join(www, name), `${name}\n`);
		fs.chmodSync(path.join(www, name), mode);
	}

	chown('nobody', path.join(www, 'secret.html'));
	fs.chmodSync(path.join(www, 'priv'), 0o700);
	fs.mkdirSync(path.join(www, 'private'));
	fs.mkdirSync(path.join(www, 'links'));
	fs.symlinkSync('../ok.html', path.join(www, 'links/l.html'));
	return www;
}

describe('logs written by a real nginx', () => {
	let root: string;
	let errorLog: string;
	let accessLog: string;

	beforeAll(async () => {
		root = makeTempRoot();
		const www = site(root);
		const lab = await startNginx({
			dir: path.join(root, 'nginx'),
			server: `root ${www}; set_real_ip_from unix:; real_ip_header X-Forwarded-For;
				location /deny/ { deny all; }
				location = /admin { allow 203.0.113.0/24; deny all; }
				location = /feed { if ($http_user_agent ~* python-requests) { return 403; } }
				location /links/ { disable_symlinks on; }`,
		});
		try {
			const visit = async (urlPath: string, client: string, ua: string) => lab.request(urlPath, {'x-forwarded-for': client, 'user-agent': ua});
			expect((await visit('/ok.html', '198.51.100.1', chrome)).status).toBe(200);
			for (const client of ['198.51.100.1', '198.51.100.2']) {
				expect((await visit('/secret.html', client, chrome)).status).toBe(403);
			}

			for (const [client, ua] of [['198.51.100.1', chrome], ['198.51.100.2', firefox], ['203.0.113.77', chrome]]) {
				expect((await visit('/private/', client!, ua!)).status).toBe(403);
			}

			expect((await visit('/admin', '203.0.113.5', chrome)).status).toBe(200);
			expect((await visit('/admin', '192.0.2.66', chrome)).status).toBe(403);
			expect((await visit('/admin', '192.0.2.66', firefox)).status).toBe(403);
			expect((await visit('/feed', '198.51.100.7', 'python-requests/2.31.0')).status).toBe(403);
			expect((await visit('/feed', '198.51.100.8', 'python-requests/2.28.1')).status).toBe(403);
			expect((await visit('/feed', '198.51.100.9', chrome)).status).toBe(200);
			expect((await visit('/links/l.html', '198.51.100.1', chrome)).status).toBe(403);
			expect((await visit('/deny/x.html', '198.51.100.1', chrome)).status).toBe(403);
		} finally {
			await lab.stop();
		}

		({errorLog, accessLog} = lab);
	});

	afterAll(() => {
		removeTree(root);
	});

	test.each([
		['/secret.html', 'error-log.permission-denied', 'secret.html', 2, {'file-permissions': 0.85}],
		['/private/', 'error-log.directory-index-forbidden', 'directory index of', 3, {'directory-index-missing': 0.85}],
		['/admin', 'error-log.access-forbidden-by-rule', '"GET /admin ', 2, {'server-deny-rule': 0.55}],
		['/links/l.html', 'error-log.symlink-refused', 'l.html', 1, {'symlink-blocked': 0.85}],
	] as const)('error log, filtered to %s', async (urlPath, code, needle, count, supports) => {
		const result = await readErrorLog(errorLog, {path: urlPath});
		expect(result.server).toBe('nginx');
		expect(result.findings.map(finding => finding.code)).toEqual([code]);
		const [finding] = result.findings;
		expect(finding?.location).toEqual({file: errorLog, line: linesWith(errorLog, needle).at(-1)});
		expect(finding?.data?.['count']).toBe(count);
		expect(finding?.supports).toMatchObject(supports);
		expect(finding?.vendor).toBe('nginx');
	});

	test('a silent 403 (return 403 in an if) leaves the error log empty for its path', async () => {
		const result = await readErrorLog(errorLog, {path: '/feed'});
		expect(result.findings.map(finding => finding.code)).toEqual(['error-log.no-match']);
	});

	test('without a path every kind of 403 line is reported', async () => {
		const codes = (await readErrorLog(errorLog)).findings.map(finding => finding.code).sort();
		expect(codes).toEqual([
			'error-log.access-forbidden-by-rule', 'error-log.directory-index-forbidden', 'error-log.permission-denied', 'error-log.symlink-refused',
		]);
	});

	test.each([
		['/private/', 'everyone', 'access-log.forbidden-everyone'],
		['/admin', 'one-address', 'access-log.forbidden-one-address'],
		['/feed', 'one-client-kind', 'access-log.forbidden-one-client-kind'],
		['/ok.html', 'none', 'access-log.no-403'],
	] as const)('access log, %s → %s', async (urlPath, verdict, code) => {
		const result = await readAccessLog(accessLog, {path: urlPath});
		expect(result.summary.verdict).toBe(verdict);
		expect(result.findings.map(finding => finding.code)).toEqual([code]);
		const last403 = linesWith(accessLog, `"GET ${urlPath} HTTP/1.1" 403`).at(-1);
		expect(result.findings[0]?.location).toEqual({file: accessLog, line: last403});
	});

	test('with a small tail only the recent part counts', async () => {
		// Older history in front of the real log: /admin refused to ten other addresses.
		const old = Array.from({length: 2000}, (_, index) => `10.0.${index % 10}.1 - - [01/Jan/2026:00:00:00 +0000] "GET /admin HTTP/1.1" 403 153 "-" "${chrome}"\n`).join('');
		const real = fs.readFileSync(accessLog, 'utf8');
		const combined = path.join(root, 'combined.log');
		fs.writeFileSync(combined, old + real);
		const whole = await readAccessLog(combined, {path: '/admin'});
		expect(whole.summary.verdict).toBe('mixed');
		const tail = await readAccessLog(combined, {path: '/admin', tailBytes: Buffer.byteLength(real) + 10});
		expect(tail.stats).toMatchObject({headSkipped: true, bytesRead: Buffer.byteLength(real) + 10});
		expect(tail.summary).toMatchObject({verdict: 'one-address', forbidden: 2});
	});
});

describe('logs written by a real Apache httpd 2.4', () => {
	let root: string;
	let errorLog: string;
	let accessLog: string;

	beforeAll(async () => {
		root = makeTempRoot();
		const www = site(root);
		fs.mkdirSync(path.join(www, 'dir'));
		fs.symlinkSync('ok.html', path.join(www, 'link.html'));
		const lab = await startApache(root, www, [
			`<Directory ${www}>\n  Options -Indexes -FollowSymLinks\n  AllowOverride All\n  Require all granted\n</Directory>`,
			`<Directory ${path.join(www, 'deny')}>\n  Require all denied\n</Directory>`,
		].join('\n'));
		try {
			for (const urlPath of ['/ok.html', '/secret.html', '/priv/x.html', '/deny/x.html', '/dir/', '/link.html']) {
				await lab.request(urlPath, {'user-agent': 'curl/8.5.0'});
			}
		} finally {
			await lab.stop();
		}

		({errorLog, accessLog} = lab);
	});

	afterAll(() => {
		removeTree(root);
	});

	test.each([
		['/secret.html', 'error-log.file-permissions-deny', 'AH00132'],
		['/priv/x.html', 'error-log.htaccess-unreadable', 'AH00529'],
		['/deny/x.html', 'error-log.client-denied', 'AH01630'],
		['/dir/', 'error-log.no-directory-index', 'AH01276'],
		['/link.html', 'error-log.symlink-not-allowed', 'AH00037'],
	] as const)('error log, filtered to %s', async (urlPath, code, ah) => {
		const result = await readErrorLog(errorLog, {path: urlPath});
		expect(result.server).toBe('apache');
		expect(result.findings.map(finding => finding.code)).toEqual([code]);
		expect(result.findings[0]?.location).toEqual({file: errorLog, line: linesWith(errorLog, ah).at(-1)});
		expect(result.findings[0]?.data?.['ah']).toBe(ah);
	});

	test('the access log shows the 403s with the one client that asked', async () => {
		const result = await readAccessLog(accessLog);
		expect(result.summary).toMatchObject({forbidden: 5, verdict: 'one-address'});
		expect(result.summary.byUserAgent[0]).toMatchObject({key: 'curl', forbidden: 5});
	});
});
