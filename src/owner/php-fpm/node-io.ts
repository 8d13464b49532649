import fs from 'node:fs/promises';
import type {FpmFsIo} from './load-configs.js';

// A pool file is a few KiB; anything far larger is not a config and is cut off.
const maxConfigBytes = 1024 * 1024;

/** The real file system for the PHP-FPM check. */
export function createNodeFpmIo(): FpmFsIo {
	return {
		async readText(file) {
			try {
				const handle = await fs.open(file, 'r');
				try {
					const buffer = Buffer.alloc(Math.min(maxConfigBytes, (await handle.stat()).size));
					const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
					return buffer.subarray(0, bytesRead).toString('utf8');
				} finally {
					await handle.close();
				}
			} catch {
				return undefined;
			}
		},
		async readdir(folder) {
			try {
				return await fs.readdir(folder);
			} catch {
				return undefined;
			}
		},
		async isDirectory(file) {
			try {
				return (await fs.stat(file)).isDirectory();
			} catch {
				return false;
			}
		},
	};
}
