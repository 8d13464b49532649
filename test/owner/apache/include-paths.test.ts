import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {expandInclude} from '../../../src/owner/apache/include-paths.js';
import {nodeApacheIo} from '../../../src/owner/apache/index.js';

// Include/IncludeOptional path expansion on a real folder tree shaped like Debian's /etc/apache2
// (mods-enabled/*.load, sites-enabled/*.conf as symlinks into sites-available). Rules from
// https://httpd.apache.org/docs/2.4/mod/core.html#include: relative to ServerRoot, wildcards in any segment,
// a folder means all files below it in alphabetical order; apr_fnmatch with APR_FNM_PERIOD skips dot files.
let root = '';
const tree = [
	'mods-enabled/alias.load', 'mods-enabled/alias.conf', 'mods-enabled/rewrite.load', 'mods-enabled/.hidden.load',
	'sites-available/000-default.conf', 'sites-available/shop.conf', 'sites-available/notes.txt',
	'conf-enabled/security.conf', 'conf-enabled/charset.conf',
	'vhosts/b.example/site.conf', 'vhosts/a.example/site.conf', 'vhosts/a.example/extra.conf',
	'whole/z.conf', 'whole/a/1.conf', 'whole/B.conf',
];

beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-glob-'));
	for (const file of tree) {
		await mkdir(path.dirname(path.join(root, file)), {recursive: true});
		await writeFile(path.join(root, file), `# ${file}\n`);
	}

	await mkdir(path.join(root, 'sites-enabled'));
	await symlink('../sites-available/000-default.conf', path.join(root, 'sites-enabled', '000-default.conf'));
	await symlink('../sites-available/shop.conf', path.join(root, 'sites-enabled', 'shop.conf'));
});

afterAll(async () => {
	await rm(root, {recursive: true, force: true});
});

describe('expandInclude', () => {
	test.each([
		{argument: 'mods-enabled/*.load', files: ['mods-enabled/alias.load', 'mods-enabled/rewrite.load']},
		{argument: 'mods-enabled/*.conf', files: ['mods-enabled/alias.conf']},
		{argument: 'mods-enabled/.*.load', files: ['mods-enabled/.hidden.load']},
		{argument: 'sites-enabled/*.conf', files: ['sites-enabled/000-default.conf', 'sites-enabled/shop.conf']},
		{argument: 'conf-enabled/[cs]*.conf', files: ['conf-enabled/charset.conf', 'conf-enabled/security.conf']},
		{argument: 'conf-enabled/?ecurity.conf', files: ['conf-enabled/security.conf']},
		{argument: 'vhosts/*/site.conf', files: ['vhosts/a.example/site.conf', 'vhosts/b.example/site.conf']},
		{argument: 'vhosts/*.example/*.conf', files: ['vhosts/a.example/extra.conf', 'vhosts/a.example/site.conf', 'vhosts/b.example/site.conf']},
		{argument: 'whole', files: ['whole/B.conf', 'whole/a/1.conf', 'whole/z.conf']},
		{argument: 'sites-available/shop.conf', files: ['sites-available/shop.conf']},
		{argument: 'nothing/*.conf', files: []},
		{argument: 'mods-enabled/*.nope', files: []},
	])('$argument', async ({argument, files}) => {
		const result = await expandInclude(argument, root, nodeApacheIo);
		expect(result.files).toEqual(files.map(file => path.join(root, file)));
		expect(result.problem === undefined).toBe(files.length > 0);
	});

	test('an absolute path ignores ServerRoot', async () => {
		const result = await expandInclude(path.join(root, 'mods-enabled', '*.load'), '/elsewhere', nodeApacheIo);
		expect(result.files).toHaveLength(2);
	});
});
