import {execFile} from 'node:child_process';
import {lstat, open, readdir, stat} from 'node:fs/promises';
import type {Stats} from 'node:fs';
import type {CommandResult, FileKind, NginxIo, StatResult} from './io.js';
import {findUser} from './passwd.js';

const accountFileLimit = 4 * 1024 * 1024;

/** The real machine: files, accounts and programs, read with bounded sizes. */
export function nodeNginxIo(): NginxIo {
	return {
		readFile: readBounded,
		async readDir(path) {
			return readdir(path);
		},
		async stat(path) {
			return statResult(async () => stat(path));
		},
		async lstat(path) {
			return statResult(async () => lstat(path));
		},
		async lookupUser(name) {
			const [passwd, group] = await Promise.all([
				readBounded('/etc/passwd', accountFileLimit).catch(() => ''),
				readBounded('/etc/group', accountFileLimit).catch(() => ''),
			]);
			return findUser(name, passwd, group);
		},
		run: runCommand,
	};
}

async function readBounded(path: string, maxBytes: number): Promise<string> {
	const handle = await open(path, 'r');
	try {
		const {size} = await handle.stat();
		if (size > maxBytes) {
			throw new Error(`${path} is larger than ${maxBytes} bytes`);
		}

		const buffer = Buffer.alloc(Math.min(size, maxBytes) || 0);
		const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
		return buffer.subarray(0, bytesRead).toString('utf8');
	} finally {
		await handle.close();
	}
}

async function statResult(run: () => Promise<Stats>): Promise<StatResult> {
	try {
		const stats = await run();
		return {kind: kindOf(stats), mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {error: code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR' || code === 'ELOOP' ? code : 'OTHER'};
	}
}

function kindOf(stats: Stats): FileKind {
	if (stats.isSymbolicLink()) {
		return 'symlink';
	}

	if (stats.isDirectory()) {
		return 'directory';
	}

	return stats.isFile() ? 'file' : 'other';
}

async function runCommand(command: string, args: readonly string[]): Promise<CommandResult | undefined> {
	return new Promise(resolve => {
		execFile(command, [...args], {timeout: 10_000, maxBuffer: 1024 * 1024, encoding: 'utf8'}, (error, stdout, stderr) => {
			const code: unknown = error?.code;
			if (code === 'ENOENT') {
				resolve(undefined);
				return;
			}

			resolve({code: error ? (typeof code === 'number' ? code : 1) : 0, stdout, stderr});
		});
	});
}
