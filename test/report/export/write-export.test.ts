import {lstat, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {ExportError, writeExport} from '../../../src/report/export/index.js';

let directory: string;
let previousUmask: number;

beforeEach(async () => {
	directory = await mkdtemp(path.join(tmpdir(), 'fix403-export-'));
	// A permissive umask must not make the file readable by others.
	previousUmask = process.umask(0o000);
});

afterEach(async () => {
	process.umask(previousUmask);
	await rm(directory, {recursive: true, force: true});
});

test('creates the file with mode 0600', async () => {
	const file = path.join(directory, 'report.md');
	await writeExport(file, '# hello\n');
	expect(await readFile(file, 'utf8')).toBe('# hello\n');
	expect((await lstat(file)).mode & 0o777).toBe(0o600);
});

test('replaces an existing file and tightens its mode', async () => {
	const file = path.join(directory, 'report.json');
	await writeFile(file, 'old', {mode: 0o644});
	await writeExport(file, 'new');
	expect(await readFile(file, 'utf8')).toBe('new');
	expect((await lstat(file)).mode & 0o777).toBe(0o600);
});

test('does not write through a symbolic link planted at the path', async () => {
	const victim = path.join(directory, 'victim.txt');
	await writeFile(victim, 'precious', {mode: 0o644});
	const file = path.join(directory, 'report.html');
	await symlink(victim, file);
	await writeExport(file, '<p>report</p>');
	expect(await readFile(victim, 'utf8')).toBe('precious');
	const stat = await lstat(file);
	expect(stat.isSymbolicLink()).toBe(false);
	expect(await readFile(file, 'utf8')).toBe('<p>report</p>');
});

test('a failure is a typed error and leaves no temporary file behind', async () => {
	const file = path.join(directory, 'missing-folder', 'report.md');
	await expect(writeExport(file, 'x')).rejects.toMatchObject({code: 'export-write-failed', name: 'ExportError'});
	await expect(writeExport(directory, 'x')).rejects.toBeInstanceOf(ExportError);
	expect((await readdir(directory)).filter(name => name.endsWith('.tmp'))).toEqual([]);
});
