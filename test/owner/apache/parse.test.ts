import {spawnSync} from 'node:child_process';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {ApacheConfigError, loadApacheConfig, nodeApacheIo, parseConfigText} from '../../../src/owner/apache/index.js';
import {apacheAvailable, apacheBinary, apacheModules} from '../../helpers/apache-instance.js';

// Malformed configurations: the reader's typed error names file, line and reason; httpd -t refuses the same
// text with the same reason (messages from server/config.c and server/core.c, checked here against the binary).
const header = (root: string) => [
	`ServerRoot "${root}"`,
	`LoadModule mpm_event_module ${apacheModules}/mod_mpm_event.so`,
	`LoadModule authz_core_module ${apacheModules}/mod_authz_core.so`,
	'Listen 127.0.0.1:1',
	`ErrorLog "${root}/error.log"`,
	'ServerName x',
].join('\n');
const headerLines = 6;

const malformed = [
	{name: 'section never closed', body: '<Directory /x>\nRequire all granted', line: 1, reason: '<Directory> was not closed'},
	{name: 'closing tag without opener', body: 'ServerAdmin a@b\n</Directory>', line: 2, reason: '</Directory> without matching <Directory> section'},
	{name: 'wrong closing tag', body: '<Directory /x>\n  <Files a>\n  </Files>\n</Location>', line: 4, reason: 'Expected </Directory> but saw </Location>'},
	{name: 'opener without >', body: '<Directory /x\n</Directory>', line: 1, reason: '<Directory> directive missing closing \'>\''},
	{name: 'opener without argument', body: '<Directory>\n</Directory>', line: 1, reason: '<Directory> directive requires additional arguments'},
	{name: 'continued opener without >', body: '<Directory \\\n  /x\n</Directory>', line: 1, reason: '<Directory> directive missing closing \'>\''},
];

describe('parseConfigText errors', () => {
	test.each(malformed)('$name → file:line and reason', ({body, line, reason}) => {
		let error: unknown;
		try {
			parseConfigText(body, '/etc/apache2/sites-enabled/site.conf');
		} catch (caught) {
			error = caught;
		}

		expect(error).toBeInstanceOf(ApacheConfigError);
		expect(error).toMatchObject({code: 'APACHE_CONFIG_SYNTAX', file: '/etc/apache2/sites-enabled/site.conf', line, reason});
		expect((error as Error).message).toBe(`/etc/apache2/sites-enabled/site.conf:${line}: ${reason}`);
	});

	test.skipIf(!apacheAvailable).each(malformed)('httpd -t refuses "$name" with the same reason', async ({body, reason}) => {
		const root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-bad-'));
		try {
			await writeFile(path.join(root, 'httpd.conf'), `${header(root)}\n${body}\n`);
			const result = spawnSync(apacheBinary, ['-t', '-f', path.join(root, 'httpd.conf')], {encoding: 'utf8'});
			expect(result.status).not.toBe(0);
			expect(result.stderr + result.stdout).toContain(reason);
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});
});

describe('Include errors', () => {
	const includes = [
		{name: 'missing file', line: 'Include missing.conf', reason: (root: string) => `Could not open configuration file ${root}/missing.conf: No such file or directory`},
		{name: 'wildcard in a missing folder', line: 'Include nothere/*.conf', reason: (root: string) => `Include/IncludeOptional: Could not open directory ${root}/nothere: No such file or directory`},
		{name: 'wildcard without matches', line: 'Include conf.d/*.conf', reason: (root: string) => `Include/IncludeOptional: No matches for the wildcard '*.conf' in '${root}/conf.d', failing`},
	];

	test.each(includes)('$name: typed error at the Include line, same reason as httpd -t', async ({line, reason}) => {
		const root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-inc-'));
		try {
			await mkdir(path.join(root, 'conf.d'));
			const file = path.join(root, 'httpd.conf');
			await writeFile(file, `${header(root)}\n${line}\n`);
			await expect(loadApacheConfig(file, nodeApacheIo)).rejects.toMatchObject({code: 'APACHE_CONFIG_INCLUDE', file, line: headerLines + 1, reason: reason(root)});
			// IncludeOptional tolerates the same thing.
			await writeFile(file, `${header(root)}\n${line.replace('Include', 'IncludeOptional')}\n`);
			await expect(loadApacheConfig(file, nodeApacheIo)).resolves.toBeDefined();
			if (apacheAvailable) {
				await writeFile(file, `${header(root)}\n${line}\n`);
				const result = spawnSync(apacheBinary, ['-t', '-f', file], {encoding: 'utf8'});
				expect(result.stderr + result.stdout).toContain(reason(root));
			}
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});
});
