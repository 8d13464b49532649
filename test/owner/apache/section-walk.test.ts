import {describe, expect, test} from 'vitest';
import {evaluateExpression} from '../../../src/owner/apache/expr.js';
import {parseConfigText} from '../../../src/owner/apache/parse.js';
import type {PathFacts} from '../../../src/owner/apache/path-walk.js';
import {walkSections} from '../../../src/owner/apache/section-walk.js';
import {serverScopes} from '../../../src/owner/apache/servers.js';
import type {ApacheFsEntry} from '../../../src/owner/apache/types.js';

// Merge order, pure: the example of https://httpd.apache.org/docs/2.4/sections.html#merge-examples ("applied in
// the order A > B > C > D > E"), plus the rules around it. (DirectoryMatch is tested against the whole
// filename — what httpd 2.4 does, see merge-order-vs-httpd.test.ts — so the example's "^.*b$" becomes "^/a/b/".)
const directory: ApacheFsEntry = {kind: 'directory', uid: 0, gid: 0, mode: 0o40_755};
const file: ApacheFsEntry = {kind: 'file', uid: 0, gid: 0, mode: 0o100_644};

function facts(filename: string): PathFacts {
	const parts = filename.split('/').filter(Boolean);
	const steps = parts.map((_, index) => ({path: `/${parts.slice(0, index + 1).join('/')}`, entry: index === parts.length - 1 ? file : directory}));
	return {filename, pathInfo: '', steps, kind: 'file'};
}

async function order(config: string, filename: string, uri: string, htaccess: Record<string, string> = {}): Promise<string[]> {
	const scopes = serverScopes({nodes: parseConfigText(config, 'httpd.conf')});
	const vhost = scopes.vhosts[0];
	const walk = await walkSections({
		main: scopes.main, vhost, serverRoot: '/', uri, facts: facts(filename), filename, accessFileNames: ['.htaccess'],
		expression: text => evaluateExpression(text, {variable: name => (name === 'REQUEST_URI' ? uri : undefined), header: () => undefined}),
		async loadHtaccess(path) {
			const text = htaccess[path];
			return text === undefined ? undefined : {nodes: parseConfigText(text, path)};
		},
	});
	return walk.blocks.filter(block => block.kind !== 'server').map(block => {
		const marker = block.nodes.find(node => node.name === 'SetEnv');
		return marker?.args[1] ?? block.label;
	});
}

describe('walkSections merge order', () => {
	test('the manual\'s example: A > B > C > D > E', async () => {
		const config = [
			'<Location />\n  SetEnv ORDER E\n</Location>',
			'<Files f.html>\n  SetEnv ORDER D\n</Files>',
			'<VirtualHost *>\n  <Directory /a/b>\n    SetEnv ORDER B\n  </Directory>\n</VirtualHost>',
			'<DirectoryMatch "^/a/b/">\n  SetEnv ORDER C\n</DirectoryMatch>',
			'<Directory /a/b>\n  SetEnv ORDER A\n</Directory>',
		].join('\n');
		expect(await order(config, '/a/b/f.html', '/f.html')).toEqual(['A', 'B', 'C', 'D', 'E']);
	});

	test.each([
		{
			name: 'Directory shortest first whatever the file order',
			config: '<Directory /srv/www/app>\n  SetEnv ORDER long\n</Directory>\n<Directory />\n  SetEnv ORDER root\n</Directory>\n<Directory /srv>\n  SetEnv ORDER short\n</Directory>',
			expected: ['root', 'short', 'long'],
		},
		{
			name: 'same folder twice: file order',
			config: '<Directory /srv/www>\n  SetEnv ORDER first\n</Directory>\n<Directory /srv/www/>\n  SetEnv ORDER second\n</Directory>',
			expected: ['first', 'second'],
		},
		{
			name: 'wildcards match one level',
			config: '<Directory /srv/*>\n  SetEnv ORDER star\n</Directory>\n<Directory /srv/*/app/x>\n  SetEnv ORDER too-deep\n</Directory>',
			expected: ['star'],
		},
		{
			name: '.htaccess right after its level, only when AllowOverride allows',
			config: '<Directory />\n  AllowOverride None\n</Directory>\n<Directory /srv/www>\n  AllowOverride FileInfo\n  SetEnv ORDER www\n</Directory>\n<Directory /srv/www/app>\n  SetEnv ORDER app\n</Directory>',
			htaccess: {'/srv/.htaccess': 'SetEnv ORDER ignored', '/srv/www/.htaccess': 'SetEnv ORDER htaccess-www', '/srv/www/app/.htaccess': 'SetEnv ORDER htaccess-app'},
			expected: ['<Directory />', 'www', 'htaccess-www', 'app', 'htaccess-app'],
		},
		{
			name: 'Files nested in a Directory after top-level Files',
			config: '<Directory /srv/www>\n  <Files index.html>\n    SetEnv ORDER nested\n  </Files>\n</Directory>\n<Files index.html>\n  SetEnv ORDER top\n</Files>',
			expected: ['<Directory /srv/www>', 'top', 'nested'],
		},
		{
			name: 'Location prefix stops at segment boundaries',
			config: '<Location /app>\n  SetEnv ORDER app\n</Location>\n<Location /ap>\n  SetEnv ORDER ap\n</Location>\n<LocationMatch "^/app/.*\\.html$">\n  SetEnv ORDER match\n</LocationMatch>',
			expected: ['app', 'match'],
		},
		{
			name: 'If / ElseIf / Else: the first true branch only',
			config: '<If "%{REQUEST_URI} == \'/nope\'">\n  SetEnv ORDER if\n</If>\n<ElseIf "%{REQUEST_URI} =~ m#^/app/#">\n  SetEnv ORDER elseif\n</ElseIf>\n<Else>\n  SetEnv ORDER else\n</Else>',
			expected: ['elseif'],
		},
	])('$name', async ({config, htaccess, expected}) => {
		expect(await order(config, '/srv/www/app/index.html', '/app/index.html', htaccess)).toEqual(expected);
	});
});
