import {execFile} from 'node:child_process';
import fs from 'node:fs/promises';
import type {FileFacts, PermissionsIo, RunResult, StatFailure} from './types.js';

// Bounds on what the machine may hand back: passwd/group files and command output stay small.
const maxTextBytes = 4 * 1024 * 1024;
const maxOutputBytes = 1024 * 1024;
const commandTimeoutMs = 10_000;

function kindOf(stats: {isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean}): FileFacts['kind'] {
	if (stats.isSymbolicLink()) {
		return 'symlink';
	}

	return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'other';
}

function errorCode(error: unknown): string {
	return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO';
}

async function lstat(path: string): Promise<FileFacts | StatFailure> {
	try {
		const stats = await fs.lstat(path);
		return {kind: kindOf(stats), uid: stats.uid, gid: stats.gid, mode: stats.mode & 0o7777};
	} catch (error) {
		return {error: errorCode(error)};
	}
}

async function readText(path: string): Promise<string | undefined> {
	try {
		const handle = await fs.open(path, 'r');
		try {
			const {size} = await handle.stat();
			// Files under /sys report size 0 but still hold a little text.
			const length = Math.min(maxTextBytes, size > 0 ? size : 4096);
			const buffer = Buffer.alloc(length);
			const {bytesRead} = await handle.read(buffer, 0, length, 0);
			return buffer.subarray(0, bytesRead).toString('utf8');
		} finally {
			await handle.close();
		}
	} catch {
		return undefined;
	}
}

async function run(command: string, args: readonly string[]): Promise<RunResult | undefined> {
	return new Promise(resolve => {
		execFile(command, args, {encoding: 'utf8', maxBuffer: maxOutputBytes, timeout: commandTimeoutMs}, (error, stdout, stderr) => {
			if (error && errorCode(error) === 'ENOENT') {
				resolve(undefined);
				return;
			}

			const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
			resolve({code, stdout, stderr});
		});
	});
}

/** The real machine: `fs` for stat/readlink/files, `execFile` (no shell) for getfacl, id, stat, ps. */
export function createNodePermissionsIo(): PermissionsIo {
	return {
		lstat,
		readlink: async path => fs.readlink(path, 'utf8'),
		readText,
		async exists(path) {
			try {
				await fs.access(path);
				return true;
			} catch {
				return false;
			}
		},
		run,
	};
}
