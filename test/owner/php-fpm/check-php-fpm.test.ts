import fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {createNodePermissionsIo} from '../../../src/owner/permissions/node-io.js';
import {checkPhpFpm} from '../../../src/owner/php-fpm/check-php-fpm.js';
import {loadFpmConfigs} from '../../../src/owner/php-fpm/load-configs.js';
import {createNodeFpmIo} from '../../../src/owner/php-fpm/node-io.js';
import {startNginx} from '../logs/nginx-lab.js';
import {applyFixSteps, chown, kernelAllows, makeTempRoot, removeTree} from '../permissions/tree.js';
import {startPhpFpm} from './fpm-lab.js';

const io = {fs: createNodeFpmIo(), permissions: createNodePermissionsIo()};
let root: string;

beforeEach(() => {
	root = makeTempRoot();
});

afterEach(() => {
	removeTree(root);
});

function write(relative: string, text: string, mode = 0o644): string {
	const file = path.join(root, relative);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, text);
	fs.chmodSync(file, mode);
	return file;
}

describe('loading pool configs from disk', () => {
	test('a folder of *.conf, and include= globs from php-fpm.conf (absolute and prefix-relative)', async () => {
		write('etc/pool.d/a.conf', '[alpha]\nuser = www-data\n');
		write('etc/pool.d/b.conf', '[beta]\nuser = www-data\n');
		write('etc/pool.d/notes.txt', '[ignored]\n');
		write('etc/php-fpm.conf', `[global]\ninclude=${path.join(root, 'etc/pool.d')}/*.conf\ninclude=extra/*.conf\n`);
		write('prefix/extra/c.conf', '[gamma]\n');
		const fromFolder = await loadFpmConfigs({path: path.join(root, 'etc/pool.d')}, io.fs);
		expect(fromFolder.map(file => path.basename(file.file))).toEqual(['a.conf', 'b.conf']);
		const fromMain = await loadFpmConfigs({path: path.join(root, 'etc/php-fpm.conf'), prefix: path.join(root, 'prefix')}, io.fs);
		expect(fromMain.map(file => path.basename(file.file))).toEqual(['php-fpm.conf', 'a.conf', 'b.conf', 'c.conf']);
	});

	test('an include loop is read once', async () => {
		write('loop/a.conf', `include=${path.join(root, 'loop')}/*.conf\n[a]\n`);
		const files = await loadFpmConfigs({path: path.join(root, 'loop/a.conf')}, io.fs);
		expect(files).toHaveLength(1);
	});
});

describe('checkPhpFpm on a temp pool file', () => {
	test('the pool user cannot read the script: php-fpm-denied + file-permissions, at the pool file\'s user line', async () => {
		const script = write('www/app.php', '<?php echo 1;', 0o600);
		chown('www-data', script);
		const poolFile = write('pool.d/app.conf', '; app pool\n[app]\nuser = nobody\ngroup = nogroup\nlisten = /run/fix403-test-none.sock\n');
		const result = await checkPhpFpm({webUser: 'www-data', scriptPath: script, configPath: path.join(root, 'pool.d')}, io);
		expect(result.pools).toEqual([expect.objectContaining({name: 'app', user: 'nobody', file: poolFile})]);
		const unreadable = result.findings.find(finding => finding.code === 'php-fpm.script-unreadable');
		expect(unreadable).toMatchObject({
			supports: {'php-fpm-denied': 0.7, 'file-permissions': 0.7},
			location: {file: poolFile, line: 3},
		});
		expect(kernelAllows('nobody', '-r', script)).toBe(false);
		applyFixSteps(unreadable?.fix?.owner ?? []);
		expect(kernelAllows('nobody', '-r', script)).toBe(true);
		const after = await checkPhpFpm({webUser: 'www-data', scriptPath: script, configPath: path.join(root, 'pool.d')}, io);
		expect(after.findings.map(finding => finding.code)).toContain('php-fpm.script-readable');
	});

	test('the socket judged from config when it does not exist yet', async () => {
		write('pool.d/x.conf', '[x]\nuser = www-data\nlisten = /run/fix403-test-none.sock\nlisten.owner = nobody\nlisten.group = nogroup\nlisten.mode = 0600\n');
		const result = await checkPhpFpm({webUser: 'www-data', configPath: path.join(root, 'pool.d')}, io);
		expect(result.findings).toEqual([expect.objectContaining({code: 'php-fpm.socket-denied', location: {file: path.join(root, 'pool.d/x.conf'), line: 4}, data: expect.objectContaining({source: 'config'})})]);
	});

	test('no pool files: one info finding', async () => {
		const result = await checkPhpFpm({webUser: 'www-data', configPath: path.join(root, 'nothing')}, io);
		expect(result.findings.map(finding => finding.code)).toEqual(['php-fpm.no-pools']);
	});
});

describe('a real PHP-FPM behind a real nginx', () => {
	test('an .html script under default limit_extensions gets "Access denied." and the check says why', async () => {
		const www = path.join(root, 'www');
		write('www/page.html', '<p>static</p>');
		const script = write('www/app.php', '<?php echo "php ok";');
		const fpm = await startPhpFpm(root, 'user = www-data\ngroup = www-data\nlisten.owner = www-data\nlisten.group = www-data');
		const nginx = await startNginx({
			dir: path.join(root, 'nginx'),
			server: `root ${www}; location ~ \\.(php|html)$ { include /etc/nginx/fastcgi_params; `
				+ `fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name; fastcgi_pass unix:${fpm.socket}; }`,
		}).catch(async (error: unknown) => {
			await fpm.stop();
			throw error;
		});
		try {
			expect(await nginx.request('/app.php')).toEqual({status: 200, body: 'php ok'});
			expect(await nginx.request('/page.html')).toEqual({status: 403, body: 'Access denied.\n'});
			fs.chmodSync(script, 0o600);
			expect(await nginx.request('/app.php')).toEqual({status: 403, body: 'Access denied.\n'});

			const html = await checkPhpFpm({webUser: 'www-data', scriptPath: path.join(www, 'page.html'), configPath: fpm.configFile, listen: `unix:${fpm.socket}`}, io);
			const codes = html.findings.map(finding => finding.code);
			expect(codes).toEqual(['php-fpm.socket-ok', 'php-fpm.limit-extensions', 'php-fpm.script-readable']);
			expect(html.findings[0]?.data).toMatchObject({source: 'socket', owner: 'www-data', mode: '0660'});
			expect(html.findings[1]?.location).toEqual({file: fpm.configFile, line: 6});

			const php = await checkPhpFpm({webUser: 'www-data', scriptPath: script, configPath: fpm.configFile, listen: fpm.socket}, io);
			expect(php.findings.map(finding => finding.code)).toEqual(['php-fpm.socket-ok', 'php-fpm.limit-extensions-ok', 'php-fpm.script-unreadable']);
		} finally {
			await nginx.stop();
			await fpm.stop();
		}
	});
});
