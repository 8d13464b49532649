import {open} from 'node:fs/promises';
import {defaultMaxHarBytes, defaultMaxHarEntries, HarError} from '../importers/har/index.js';
import {normalizeHar} from '../importers/har/normalize-har.js';
import {PasteError, parsePastedResponse} from '../importers/paste/index.js';
import {maximumPasteBytes} from '../importers/paste/read-paste-text.js';
import {UserError} from './user-error.js';

/**
Reads the evidence files once before the session starts and refuses what the importers cannot use — a
malformed, empty, binary or oversized HAR, a HAR with no requests, a paste that is no HTTP response — with one
line and exit 2. Without this the session would run, send its requests, and end with a report that only says
the file could not be read. The files stay on disk; the session's own checks read them again.
*/
export async function checkEvidence(evidence: {readonly har?: string; readonly headersFile?: string; readonly headersText?: string}): Promise<void> {
	if (evidence.har !== undefined) {
		await checkHar(evidence.har);
	}

	if (evidence.headersText !== undefined) {
		checkPaste('--headers-file -', evidence.headersText);
	} else if (evidence.headersFile !== undefined && evidence.headersFile !== '-') {
		const bytes = await readBounded('--headers-file', evidence.headersFile, maximumPasteBytes, size => `the file is ${megabytes(size)} MB; a pasted response is at most ${megabytes(maximumPasteBytes)} MB (paste only the headers and the start of the body)`);
		checkPaste(`--headers-file ${evidence.headersFile}`, bytes);
	}
}

/**
The HAR's shape, as parseHar checks it, without its costly part (credential notes and redaction of every
entry, which the session's import does anyway): a 20 MB capture is checked in a tenth of a second.
*/
async function checkHar(path: string): Promise<void> {
	const refuse = (reason: string, cause?: unknown) => new UserError(`--har ${path}: ${reason}`, 'FIX403_BAD_INPUT', {cause});
	const bytes = await readBounded('--har', path, defaultMaxHarBytes, size => `the HAR file is ${megabytes(size)} MB; at most ${megabytes(defaultMaxHarBytes)} MB are read (export only the requests around the failure)`);
	if (bytes.includes(0)) {
		// JSON text never holds a NUL byte; quoting the parser's complaint would put the binary on screen.
		throw refuse('the file is binary, not a HAR (JSON) file; export it from the browser\'s Network panel with "Save all as HAR"');
	}

	const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
	if (text.trim() === '') {
		throw refuse('the HAR file is empty');
	}

	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw refuse(`the HAR file is not JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, error);
	}

	let entries: number;
	try {
		entries = normalizeHar(json, defaultMaxHarEntries).log.entries.length;
	} catch (error) {
		if (error instanceof HarError) {
			throw refuse(error.message, error);
		}

		throw error;
	}

	if (entries === 0) {
		throw refuse('the HAR file has no requests in it; record again with the browser\'s Network panel open (and "Preserve log" on), reproduce the 403, then export');
	}
}

function checkPaste(label: string, input: string | Uint8Array): void {
	try {
		parsePastedResponse(input);
	} catch (error) {
		if (error instanceof PasteError) {
			throw new UserError(`${label}: ${error.message}`, 'FIX403_BAD_INPUT', {cause: error});
		}

		throw error;
	}
}

/**
The file's bytes, refusing a file larger than `limit` by its size, before reading it. At most `limit` + 1 bytes
are read even when the size lies (a device, a file that grows): the importer then refuses that as too large.
*/
async function readBounded(option: string, path: string, limit: number, tooLarge: (size: number) => string): Promise<Uint8Array> {
	let handle;
	try {
		handle = await open(path, 'r');
	} catch (error) {
		throw new UserError(`${option} ${path}: ${describeFsError(error)}`, 'FIX403_BAD_INPUT', {cause: error});
	}

	try {
		const {size} = await handle.stat();
		if (size > limit) {
			throw new UserError(`${option} ${path}: ${tooLarge(size)}`);
		}

		const chunks: Buffer[] = [];
		let total = 0;
		while (total <= limit) {
			// eslint-disable-next-line no-await-in-loop
			const {bytesRead, buffer} = await handle.read(Buffer.alloc(Math.min(1024 * 1024, limit + 1 - total)), 0, undefined, null);
			if (bytesRead === 0) {
				break;
			}

			chunks.push(buffer.subarray(0, bytesRead));
			total += bytesRead;
		}

		return Buffer.concat(chunks, total);
	} catch (error) {
		if (error instanceof UserError) {
			throw error;
		}

		throw new UserError(`${option} ${path}: ${describeFsError(error)}`, 'FIX403_BAD_INPUT', {cause: error});
	} finally {
		await handle.close();
	}
}

function megabytes(bytes: number): number {
	return Math.ceil(bytes / 1024 / 1024);
}

function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT': {
			return 'no such file';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied (cannot read it)';
		}

		case 'EISDIR': {
			return 'is a folder, not a file';
		}

		default: {
			return `cannot read it (${code ?? 'unknown error'})`;
		}
	}
}
