import {symlink} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {apacheAvailable, startApache} from '../../helpers/apache-instance.js';
import type {ApacheInstance} from '../../helpers/apache-instance.js';
import {analyze, topCause} from './real-helpers.js';

// Options, DirectoryIndex and symbolic links in one real httpd, one folder per case. The symlink check of a
// path component uses the Options merged for its parent folder (request.c's directory walk), which is why a
// <Directory> for the link itself cannot allow it. The real status decides what the reader must say.
type Case = {readonly path: string; readonly status: number; readonly cause?: string};

const cases: Case[] = [
	{path: '/nolinks/link/f.txt', status: 403, cause: 'symlink-blocked'},
	{path: '/nolinks/real/f.txt', status: 200},
	{path: '/nolinks/self-allowed/f.txt', status: 403, cause: 'symlink-blocked'},
	{path: '/links/dangling.txt', status: 403, cause: 'symlink-blocked'},
	{path: '/links/ok.txt', status: 200},
	{path: '/listing/', status: 403, cause: 'directory-index-missing'},
	{path: '/listing/child/', status: 200},
	{path: '/listing/htaccess-on/', status: 200},
	{path: '/index-disabled/', status: 403, cause: 'directory-index-missing'},
	{path: '/index-custom/', status: 200},
	{path: '/listing/folder', status: 301},
];

let instance: ApacheInstance | undefined;

beforeAll(async () => {
	if (!apacheAvailable) {
		return;
	}

	instance = await startApache({
		files: {
			'www/nolinks/real/f.txt': 'f',
			'www/links/target.txt': 't',
			'www/listing/a.txt': 'a',
			'www/listing/child/a.txt': 'a',
			'www/listing/htaccess-on/.htaccess': 'Options +Indexes\n',
			'www/listing/folder/a.txt': 'a',
			'www/index-disabled/index.html': 'i',
			'www/index-custom/home.html': 'h',
		},
		async prepare({docroot}) {
			await symlink(path.join(docroot, 'nolinks/real'), path.join(docroot, 'nolinks/link'));
			await symlink(path.join(docroot, 'nolinks/real'), path.join(docroot, 'nolinks/self-allowed'));
			await symlink(path.join(docroot, 'links/missing.txt'), path.join(docroot, 'links/dangling.txt'));
			await symlink(path.join(docroot, 'links/target.txt'), path.join(docroot, 'links/ok.txt'));
		},
		config: ({docroot}) => [
			`<Directory "${docroot}">\n\tRequire all granted\n\tOptions FollowSymLinks\n</Directory>`,
			`<Directory "${docroot}/nolinks">\n\tOptions -FollowSymLinks\n</Directory>`,
			`<Directory "${docroot}/nolinks/self-allowed">\n\tOptions +FollowSymLinks\n</Directory>`,
			`<Directory "${docroot}/listing">\n\tOptions -Indexes\n\tAllowOverride Options\n</Directory>`,
			`<Directory "${docroot}/listing/child">\n\tOptions +Indexes\n</Directory>`,
			`<Directory "${docroot}/index-disabled">\n\tDirectoryIndex disabled\n</Directory>`,
			`<Directory "${docroot}/index-custom">\n\tDirectoryIndex index.php home.html\n</Directory>`,
		].join('\n'),
	});
});

afterAll(async () => {
	await instance?.stop();
});

describe.skipIf(!apacheAvailable)('Options, indexes and links: the reader agrees with a real Apache', () => {
	test.each(cases)('$path → $status', async ({path: urlPath, status, cause}) => {
		const real = await instance!.request(urlPath);
		expect(real.status).toBe(status);
		const analysis = await analyze(instance!, urlPath);
		expect(analysis.verdict, JSON.stringify(analysis.findings, undefined, 1)).toBe(real.status === 403 ? 'forbidden' : 'allowed');
		if (cause) {
			expect(topCause(analysis.findings[0])).toBe(cause);
		}

		if (real.status === 301) {
			expect(analysis.findings.map(finding => finding.code)).toContain('apache.directory-slash');
		}
	});
});
