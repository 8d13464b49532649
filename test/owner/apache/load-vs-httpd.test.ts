import {spawnSync} from 'node:child_process';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {loadApacheConfig, nodeApacheIo} from '../../../src/owner/apache/index.js';
import type {ApacheNode} from '../../../src/owner/apache/index.js';
import {apacheAvailable, apacheBinary, apacheModules} from '../../helpers/apache-instance.js';

// The loader must read a configuration exactly as httpd does. httpd can print what it parsed
// (`-t -D DUMP_CONFIG`, mod_info): every directive and section with its file and line, after Include,
// IncludeOptional, ${VAR}, <IfModule> and <IfDefine>. This test compares the two on one tricky config.
let root = '';

const files = (root: string): Record<string, string> => ({
	'httpd.conf': [
		`ServerRoot "${root}"`,
		...['mpm_event', 'authz_core', 'authz_host', 'dir', 'info', 'alias'].map(name => `LoadModule ${name}_module ${apacheModules}/mod_${name}.so`),
		'Listen 127.0.0.1:1',
		`ErrorLog "${root}/error.log"`,
		'Define SITE_ROOT /srv/site',
		'# a comment whose line continues \\',
		'   and so is this line',
		'ServerName example.test',
		'Options Indexes \\',
		'    FollowSymLinks',
		'DirectoryIndex "index page.html" \'single q.html\' a\\"b "c\\"d" e\\\\f',
		'<Directory "${SITE_ROOT}/www">',
		'    Require all granted',
		'    <Files "secret.txt">',
		'        Require ip 10.0.0.0/8 192.168.1',
		'    </Files>',
		'</Directory>',
		'<IfModule dir_module>',
		'    DirectoryIndex from-ifmodule.html',
		'</IfModule>',
		'<IfModule mod_rewrite.c>',
		'    DirectoryIndex never.html',
		'</IfModule>',
		'<IfModule !rewrite_module>',
		'    DirectoryIndex no-rewrite.html',
		'</IfModule>',
		'<IfDefine SITE_ROOT>',
		'    Alias /defined ${SITE_ROOT}/defined',
		'</IfDefine>',
		'<IfDefine !SITE_ROOT>',
		'    Alias /undefined /nowhere',
		'</IfDefine>',
		'Include conf.d/*.conf',
		'IncludeOptional missing/*.conf',
		'IncludeOptional sites/*/vhost.conf',
		'Include extra',
		'<Location "/status">',
		'    <RequireAny>',
		'        Require local',
		'        Require ip 203.0.113.0/24',
		'    </RequireAny>',
		'</Location>',
		'<If "%{HTTP_HOST} == \'example.test\'">',
		'    Require all denied',
		'</If>',
	].join('\n'),
	'conf.d/10-first.conf': 'Alias /first /srv/first\n',
	'conf.d/20-second.conf': 'Alias /second /srv/second\n',
	'conf.d/.hidden.conf': 'Alias /hidden /srv/hidden\n',
	'conf.d/sub/deeper.conf': 'Alias /deeper /srv/deeper\n',
	'sites/b-site/vhost.conf': '<VirtualHost *:80>\n    ServerName b.example\n    Include conf.d/10-first.conf\n</VirtualHost>\n',
	'sites/a-site/vhost.conf': '<VirtualHost *:80>\n    ServerName a.example\n</VirtualHost>\n',
	'extra/one.conf': 'Alias /one /srv/one\n',
	'extra/nested/two.conf': 'Alias /two /srv/two\n',
});

type Entry = {file: string; line: number; text: string};

/** Reads `httpd -t -D DUMP_CONFIG`: `# In file: F`, `#   N:` then the directive or section opener. */
function parseDump(output: string): Entry[] {
	const entries: Entry[] = [];
	let file = '';
	let line: number | undefined;
	for (const raw of output.split('\n')) {
		const text = raw.trim();
		const inFile = /^# In file: (.+)$/.exec(text)?.[1];
		const lineNumber = /^#\s+(\d+):$/.exec(text)?.[1];
		if (inFile) {
			file = inFile;
		} else if (lineNumber) {
			line = Number(lineNumber);
		} else if (line !== undefined && text && !text.startsWith('</')) {
			entries.push({file, line, text});
			line = undefined;
		}
	}

	return entries;
}

/** httpd leaves read-time directives out of its tree (they are executed while reading). */
const readTime = new Set(['loadmodule', 'serverroot', 'define', 'undefine', 'include', 'includeoptional']);

function flatten(nodes: readonly ApacheNode[]): Entry[] {
	return nodes.flatMap(node => {
		if (readTime.has(node.name.toLowerCase())) {
			return [];
		}

		if (node.kind === 'section') {
			return [{file: node.file, line: node.line, text: `<${node.name} ${node.raw}>`}, ...flatten(node.children)];
		}

		return [{file: node.file, line: node.lastLine ?? node.line, text: `${node.name} ${node.raw}`.trim()}];
	});
}

beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-load-'));
	for (const [relative, content] of Object.entries(files(root))) {
		await mkdir(path.dirname(path.join(root, relative)), {recursive: true});
		await writeFile(path.join(root, relative), content);
	}
});

afterAll(async () => {
	await rm(root, {recursive: true, force: true});
});

describe.skipIf(!apacheAvailable)('loadApacheConfig against httpd -D DUMP_CONFIG', () => {
	test('same directives, sections, files and lines, in the same order', async () => {
		const dump = spawnSync(apacheBinary, ['-f', path.join(root, 'httpd.conf'), '-t', '-D', 'DUMP_CONFIG'], {encoding: 'utf8'});
		expect(dump.stderr + dump.stdout).toContain('Syntax OK');
		const expected = parseDump(dump.stdout);
		expect(expected.length).toBeGreaterThan(20);

		const config = await loadApacheConfig(path.join(root, 'httpd.conf'), nodeApacheIo);
		expect(flatten(config.nodes)).toEqual(expected);
		expect(config.variables['SITE_ROOT']).toBe('/srv/site');
		expect(config.modules?.has('rewrite_module')).toBe(false);
		expect(config.modules?.has('mod_dir.c')).toBe(true);
	});
});
