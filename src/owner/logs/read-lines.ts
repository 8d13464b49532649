import fs from 'node:fs/promises';
import {LogReadError, toLogReadError} from './log-read-error.js';
import {isGarbageLine} from './garbage.js';

/** How much of a log was read. Line numbers in findings count from the first full line read (1). */
export type ReadStats = {
	readonly file: string;
	readonly fileSize: number;
	/** Byte offset where reading started (0 unless the head was skipped). */
	readonly startOffset: number;
	readonly bytesRead: number;
	/** True when only the tail was read; the partial line at the cut was dropped. */
	readonly headSkipped: boolean;
	/** Lines seen, including skipped ones. */
	readonly lines: number;
	/** Binary or over-long lines that were skipped. */
	readonly skippedLines: number;
};

/** Options of `readLogLines`. */
export type ReadLinesOptions = {
	/** Read only the last this many bytes; default 64 MiB. */
	readonly tailBytes?: number;
	/** Longer lines are skipped; default 64 KiB. */
	readonly maxLineBytes?: number;
};

export const defaultTailBytes = 64 * 1024 * 1024;
const defaultMaxLineBytes = 64 * 1024;

async function openLog(file: string) {
	try {
		const handle = await fs.open(file, 'r');
		const stats = await handle.stat();
		if (stats.isDirectory()) {
			await handle.close();
			throw new LogReadError('EISDIR', file);
		}

		return {handle, size: stats.size};
	} catch (error) {
		throw error instanceof LogReadError ? error : toLogReadError(error, file);
	}
}

/**
Streams a log line by line without loading it: by default only the last 64 MiB, starting at the first
full line after the cut. Lines with binary garbage or longer than `maxLineBytes` are counted and skipped,
never thrown on. A gzip file is refused with ECOMPRESSED rather than read as garbage.
*/
export async function readLogLines(
	file: string,
	options: ReadLinesOptions,
	onLine: (line: string, lineNumber: number) => void,
): Promise<ReadStats> {
	const tailBytes = Math.max(1, options.tailBytes ?? defaultTailBytes);
	const maxLineBytes = options.maxLineBytes ?? defaultMaxLineBytes;
	const {handle, size} = await openLog(file);
	let lines = 0;
	let skippedLines = 0;
	const startOffset = Math.max(0, size - tailBytes);
	try {
		const magic = Buffer.alloc(2);
		await handle.read(magic, 0, 2, 0);
		if (size >= 2 && magic[0] === 0x1F && magic[1] === 0x8B) {
			throw new LogReadError('ECOMPRESSED', file);
		}

		// Starting one byte early tells whether the cut falls on a line start: then only that newline is dropped.
		let dropping = startOffset > 0;
		let pending: Buffer[] = [];
		let pendingBytes = 0;
		let overlong = false;
		const finishLine = () => {
			lines++;
			const buffer = Buffer.concat(pending, pendingBytes);
			pending = [];
			pendingBytes = 0;
			const text = buffer.toString('utf8').replace(/\r$/, '');
			if (overlong || isGarbageLine(text)) {
				skippedLines++;
			} else {
				onLine(text, lines);
			}

			overlong = false;
		};

		if (size > 0) {
			for await (const chunk of handle.createReadStream({start: dropping ? startOffset - 1 : 0, end: size - 1, autoClose: false})) {
				let data = chunk as Buffer;
				while (data.length > 0) {
					const newline = data.indexOf(10);
					const piece = newline === -1 ? data : data.subarray(0, newline);
					if (!dropping) {
						if (pendingBytes + piece.length > maxLineBytes) {
							overlong = true;
						} else {
							pending.push(piece);
							pendingBytes += piece.length;
						}
					}

					if (newline === -1) {
						break;
					}

					if (dropping) {
						dropping = false;
					} else {
						finishLine();
					}

					data = data.subarray(newline + 1);
				}
			}
		}

		if (pendingBytes > 0 || overlong) {
			finishLine();
		}
	} catch (error) {
		throw error instanceof LogReadError ? error : toLogReadError(error, file);
	} finally {
		await handle.close();
	}

	return {file, fileSize: size, startOffset, bytesRead: size - startOffset, headSkipped: startOffset > 0, lines, skippedLines};
}
