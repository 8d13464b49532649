import {execFile} from 'node:child_process';
import type {Stats} from 'node:fs';
import {lstat, open, readdir, stat} from 'node:fs/promises';
import type {ApacheFsEntry, ApacheIo} from './types.js';

const defaultMaxBytes = 1024 * 1024;

/** The real machine: bounded reads, `lstat`/`stat`, and programs run without a shell and with a time limit. */
export const nodeApacheIo: ApacheIo = {
	async readText(file, maxBytes = defaultMaxBytes) {
		try {
			const handle = await open(file, 'r');
			try {
				const {size} = await handle.stat();
				const length = Math.max(0, Math.min(size, maxBytes));
				const buffer = Buffer.alloc(length);
				const {bytesRead} = await handle.read(buffer, 0, length, 0);
				return buffer.subarray(0, bytesRead).toString('utf8');
			} finally {
				await handle.close();
			}
		} catch {
			return undefined;
		}
	},
	async list(folder) {
		try {
			return await readdir(folder);
		} catch {
			return undefined;
		}
	},
	async lstat(file) {
		return lstat(file).then(toEntry, () => undefined);
	},
	async stat(file) {
		return stat(file).then(toEntry, () => undefined);
	},
	async run(file, args) {
		return new Promise(resolve => {
			execFile(file, [...args], {timeout: 5000, maxBuffer: 256 * 1024}, (error, stdout) => {
				resolve(error ? undefined : stdout);
			});
		});
	},
};

function toEntry(stats: Stats): ApacheFsEntry {
	const kind = stats.isSymbolicLink() ? 'symlink' : (stats.isDirectory() ? 'directory' : (stats.isFile() ? 'file' : 'other'));
	return {kind, uid: stats.uid, gid: stats.gid, mode: stats.mode};
}
