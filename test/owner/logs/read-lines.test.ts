import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {build} from 'esbuild';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {LogReadError} from '../../../src/owner/logs/log-read-error.js';
import {readAccessLog} from '../../../src/owner/logs/read-access-log.js';
import {readLogLines} from '../../../src/owner/logs/read-lines.js';

let dir: string;

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fix403-logs-'));
	fs.chmodSync(dir, 0o755);
});

afterEach(() => {
	fs.rmSync(dir, {recursive: true, force: true});
});

async function collect(file: string, options: {tailBytes?: number; maxLineBytes?: number} = {}) {
	const lines: Array<[number, string]> = [];
	const stats = await readLogLines(file, options, (line, number) => lines.push([number, line]));
	return {lines, stats};
}

function write(name: string, content: string | Buffer): string {
	const file = path.join(dir, name);
	fs.writeFileSync(file, content);
	return file;
}

describe('readLogLines on real files', () => {
	test('a whole small file, CRLF and a last line without newline', async () => {
		const file = write('a.log', 'one\r\ntwo\nthree');
		const {lines, stats} = await collect(file);
		expect(lines).toEqual([[1, 'one'], [2, 'two'], [3, 'three']]);
		expect(stats).toEqual({file, fileSize: 14, startOffset: 0, bytesRead: 14, headSkipped: false, lines: 3, skippedLines: 0});
	});

	test('only the tail is read, from the next full line after the cut', async () => {
		const content = Array.from({length: 1000}, (_, index) => `line ${String(index).padStart(4, '0')}`).join('\n') + '\n';
		const file = write('big.log', content);
		const {lines, stats} = await collect(file, {tailBytes: 95});
		expect(stats).toMatchObject({headSkipped: true, bytesRead: 95, startOffset: content.length - 95, lines: 9});
		// 95 bytes = the last 5 bytes of "line 0990\n" (dropped) and 9 full lines of 10 bytes.
		expect(lines).toEqual(Array.from({length: 9}, (_, index) => [index + 1, `line ${String(991 + index).padStart(4, '0')}`]));
	});

	test('a cut that falls exactly on a line start keeps that line', async () => {
		const file = write('exact.log', 'aaaa\nbbbb\ncccc\n');
		const {lines} = await collect(file, {tailBytes: 10});
		expect(lines).toEqual([[1, 'bbbb'], [2, 'cccc']]);
	});

	test('binary garbage and over-long lines are skipped and counted, never thrown', async () => {
		const garbage = Buffer.from([0x00, 0x01, 0xFF, 0xFE, 0x02, 0x03, 0x80, 0x81]);
		const file = write('noisy.log', Buffer.concat([Buffer.from('good 1\n'), garbage, Buffer.from('\n'), Buffer.from('x'.repeat(5000)), Buffer.from('\ngood 2\n')]));
		const {lines, stats} = await collect(file, {maxLineBytes: 1000});
		expect(lines).toEqual([[1, 'good 1'], [4, 'good 2']]);
		expect(stats.skippedLines).toBe(2);
	});

	test('an empty file reads as nothing', async () => {
		const {lines, stats} = await collect(write('empty.log', ''));
		expect(lines).toEqual([]);
		expect(stats.lines).toBe(0);
	});

	test.each([
		['ENOENT', () => path.join(dir, 'missing.log')],
		['EISDIR', () => dir],
		['ENOTDIR', () => path.join(write('file', 'x'), 'child.log')],
		['ECOMPRESSED', () => write('access.log.2.gz', gzipSync('127.0.0.1 - - [x] "GET / HTTP/1.1" 200 1\n'))],
	])('%s is a typed error with a one-line message', async (code, makePath) => {
		const file = makePath();
		const error = await readLogLines(file, {}, () => undefined).then(() => undefined, (error_: unknown) => error_);
		expect(error).toBeInstanceOf(LogReadError);
		expect((error as LogReadError).code).toBe(code);
		expect((error as LogReadError).message).not.toContain('\n');
		expect((error as LogReadError).message).toContain(file);
	});

	test('EACCES when the reading user may not open the log (the reader runs as www-data)', async () => {
		const file = write('private.log', '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 403 1\n');
		fs.chmodSync(file, 0o600);
		const entry = fileURLToPath(new URL('../../../src/owner/logs/read-access-log.ts', import.meta.url));
		const bundle = path.join(dir, 'reader.mjs');
		await build({
			stdin: {contents: `import {readAccessLog} from ${JSON.stringify(entry)};\nreadAccessLog(process.argv[2]).then(() => console.log('READ'), error => console.log(JSON.stringify({code: error.code, name: error.name, message: error.message})));`, resolveDir: dir, loader: 'ts'},
			bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent',
		});
		const run = spawnSync('runuser', ['-u', 'www-data', '--', process.execPath, bundle, file], {encoding: 'utf8'});
		expect(JSON.parse(run.stdout)).toEqual({code: 'EACCES', name: 'LogReadError', message: expect.stringContaining('permission denied')});
		// Root can read it, so the difference is the user, not the file.
		expect((await readAccessLog(file)).summary.forbidden).toBe(1);
	});
});
