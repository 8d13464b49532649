import {chmod, chown, lchown, symlink} from 'node:fs/promises';
import {userInfo} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {apacheAvailable, startApache} from '../../helpers/apache-instance.js';
import type {ApacheInstance} from '../../helpers/apache-instance.js';
import {analyze, expectAllowed, expectFirstCause, expectLogCode} from './real-helpers.js';

// File-system cases against a real httpd: directory listing, symbolic links, and the two permission cases
// where the config allows the request and only the error log (AH00132/AH00035) tells why it failed.
let instance: ApacheInstance | undefined;
afterEach(async () => {
	await instance?.stop();
	instance = undefined;
});

// The permission cases need a real other user: the tests run as root and httpd's children as www-data.
const runsAsRoot = userInfo().uid === 0;
const wwwData = {uid: 33, gid: 33};

describe.skipIf(!apacheAvailable)('file-system cases against a real Apache', () => {
	test('Options -Indexes on a folder without an index file → directory-index-missing, AH01276', async () => {
		instance = await startApache({
			files: {'www/index.html': 'home', 'www/empty/notes.txt': 'n', 'www/docs/index.html': 'docs'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tOptions -Indexes\n\tRequire all granted\n</Directory>`,
		});
		expect((await instance.request('/empty/')).status).toBe(403);
		expect((await instance.request('/docs/')).status).toBe(200);

		const first = expectFirstCause(await analyze(instance, '/empty/'), 'directory-index-missing', instance.confPath, await instance.lineOf('Options -Indexes'));
		expect(first.fix?.owner?.[0]).toContain(path.join(instance.docroot, 'empty', 'index.html'));
		expectAllowed(await analyze(instance, '/docs/'));
		await expectLogCode(instance, 'AH01276', 'empty/', 'directory-index-missing');
	});

	test('Options -FollowSymLinks and a symbolic link on the path → symlink-blocked, AH00037', async () => {
		instance = await startApache({
			files: {'www/real.txt': 'real'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tOptions -FollowSymLinks\n\tRequire all granted\n</Directory>`,
			async prepare({docroot}) {
				await symlink(path.join(docroot, 'real.txt'), path.join(docroot, 'link.txt'));
			},
		});
		expect((await instance.request('/link.txt')).status).toBe(403);
		expect((await instance.request('/real.txt')).status).toBe(200);

		const first = expectFirstCause(await analyze(instance, '/link.txt'), 'symlink-blocked', instance.confPath, await instance.lineOf('Options -FollowSymLinks'));
		expect(first.data).toMatchObject({link: path.join(instance.docroot, 'link.txt'), reason: 'not-allowed'});
		expectAllowed(await analyze(instance, '/real.txt'));
		await expectLogCode(instance, 'AH00037', 'link.txt', 'symlink-blocked');
	});

	test.skipIf(!runsAsRoot)('SymLinksIfOwnerMatch with a link owned by another user → symlink-blocked, AH00037', async () => {
		instance = await startApache({
			files: {'www/real.txt': 'real'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tOptions SymLinksIfOwnerMatch\n\tRequire all granted\n</Directory>`,
			async prepare({docroot}) {
				await symlink(path.join(docroot, 'real.txt'), path.join(docroot, 'foreign.txt'));
				await lchown(path.join(docroot, 'foreign.txt'), wwwData.uid, wwwData.gid);
				await symlink(path.join(docroot, 'real.txt'), path.join(docroot, 'own.txt'));
			},
		});
		expect((await instance.request('/foreign.txt')).status).toBe(403);
		expect((await instance.request('/own.txt')).status).toBe(200);

		const first = expectFirstCause(await analyze(instance, '/foreign.txt'), 'symlink-blocked', instance.confPath, await instance.lineOf('Options SymLinksIfOwnerMatch'));
		expect(first.data).toMatchObject({reason: 'owner-mismatch', linkUid: wwwData.uid, targetUid: 0});
		expect(first.fix?.owner?.[0]).toBe(`Give the link the target's owner: chown -h 0:0 ${path.join(instance.docroot, 'foreign.txt')}`);
		expectAllowed(await analyze(instance, '/own.txt'));
		await expectLogCode(instance, 'AH00037', 'foreign.txt', 'symlink-blocked');
	});

	test.skipIf(!runsAsRoot)('an unreadable file: the config allows it; the log says AH00132', async () => {
		instance = await startApache({
			files: {'www/locked.txt': 'secret'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n</Directory>`,
			async prepare({docroot}) {
				await chown(path.join(docroot, 'locked.txt'), 0, 0);
				await chmod(path.join(docroot, 'locked.txt'), 0o600);
			},
		});
		expect((await instance.request('/locked.txt')).status).toBe(403);

		const analysis = await analyze(instance, '/locked.txt');
		expectAllowed(analysis);
		expect(analysis.mappedPath).toBe(path.join(instance.docroot, 'locked.txt'));
		await expectLogCode(instance, 'AH00132', 'locked.txt', 'file-permissions');
	});

	test.skipIf(!runsAsRoot)('a folder www-data cannot traverse: the config allows it; the log says AH00035', async () => {
		instance = await startApache({
			files: {'www/vault/file.txt': 'gold'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n</Directory>`,
			async prepare({docroot}) {
				await chmod(path.join(docroot, 'vault'), 0o700);
			},
		});
		expect((await instance.request('/vault/file.txt')).status).toBe(403);

		expectAllowed(await analyze(instance, '/vault/file.txt'));
		await expectLogCode(instance, 'AH00035', 'vault/file.txt', 'file-permissions');
	});
});
