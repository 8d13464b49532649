import fs from 'node:fs';
import {describe, expect, test} from 'vitest';
import {createNodePermissionsIo} from '../../../src/owner/permissions/node-io.js';
import type {PermissionsIo} from '../../../src/owner/permissions/types.js';
import {configUserValue, parsePsOutput, pickWebUser, resolveWebUser} from '../../../src/owner/permissions/web-user.js';
import {startNginx} from '../logs/nginx-lab.js';

describe('picking the web user from `ps -eo user:64,comm`', () => {
	test.each([
		// Debian nginx: master as root, workers as www-data (as `ps` prints it on this machine).
		['USER COMMAND\nroot nginx\nwww-data nginx\nwww-data nginx\nroot sshd\n', 'www-data'],
		// RHEL httpd with PHP-FPM as its own user: the web server's workers win.
		['USER COMMAND\nroot httpd\napache httpd\napache httpd\nroot php-fpm\nwebapp php-fpm\nwebapp php-fpm\nwebapp php-fpm\n', 'apache'],
		// Only PHP-FPM running (pool user).
		['USER COMMAND\nroot php-fpm8.2\nwww-data php-fpm8.2\n', 'www-data'],
		// Only root processes: no guess from processes.
		['USER COMMAND\nroot nginx\nroot bash\n', undefined],
	])('%#', (ps, user) => {
		expect(pickWebUser(parsePsOutput(ps))?.user).toBe(user);
	});
});

describe('config user directive values', () => {
	// Debian's /etc/apache2/envvars exports the run user.
	const envvars = '# envvars - default environment variables for apache2ctl\nexport APACHE_RUN_USER=www-data\nexport APACHE_RUN_GROUP=www-data\n';
	test.each([
		['www-data', 'www-data'],
		['nginx nginx;', 'nginx'],
		['${APACHE_RUN_USER}', 'www-data'],
		['#48', '48'],
		['"daemon"', 'daemon'],
		['${UNSET_VARIABLE}', undefined],
	])('%s', (value, user) => {
		expect(configUserValue(value, envvars)).toBe(user);
	});
});

describe('resolveWebUser on this machine', () => {
	const io = createNodePermissionsIo();
	const withoutPs: PermissionsIo = {...io, run: async (command, args) => command === 'ps' ? undefined : io.run(command, args)};

	test('finds the workers of a real nginx running as nobody, not its root master', async () => {
		const lab = await startNginx({server: 'root /tmp;', user: 'nobody nogroup', workers: 4});
		// Other test files run their own servers at the same time: let ps see only this nginx (master and workers),
		// with the same output format the real call asks for.
		const onlyThisNginx: PermissionsIo = {
			...io,
			run: async (command, args) => (command === 'ps' ? io.run('ps', ['-o', 'user:64,comm', '-p', String(lab.pid), '--ppid', String(lab.pid)]) : io.run(command, args)),
		};
		try {
			expect(await resolveWebUser(onlyThisNginx)).toEqual({user: 'nobody', source: 'process', detail: '4 nginx processes run as nobody'});
		} finally {
			await lab.stop();
			fs.rmSync(lab.dir, {recursive: true, force: true});
		}
	});

	test('falls back to config values, then to the usual user', async () => {
		expect(await resolveWebUser(withoutPs, {configUsers: ['${APACHE_RUN_USER}']})).toMatchObject({user: 'www-data', source: 'config'});
		expect(await resolveWebUser(withoutPs)).toMatchObject({user: 'www-data', source: 'default'});
	});
});
