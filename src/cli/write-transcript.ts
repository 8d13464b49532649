import {accessSync, constants, statSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {ExportError, exportReport, formatFromPath, writeExport} from '../report/export/index.js';
import type {Report} from '../report/types.js';
import type {CliIo} from './main.js';
import {errorLine} from './error-line.js';
import {UserError} from './user-error.js';

/** Refuses a transcript path that cannot work before any request is sent: format, folder, rights. */
export function checkTranscriptPath(path: string): void {
	const refuse = (reason: string) => new UserError(`--transcript ${path}: ${reason}`);
	try {
		formatFromPath(path);
	} catch (error) {
		if (error instanceof ExportError) {
			throw refuse(lowerFirst(error.message));
		}

		throw error;
	}

	const folder = dirname(resolve(path));
	const kind = statKind(folder);
	if (kind === undefined) {
		throw refuse(`the folder ${folder} does not exist`);
	}

	if (kind !== 'folder') {
		throw refuse(`${folder} is not a folder`);
	}

	try {
		accessSync(folder, constants.W_OK);
	} catch {
		throw refuse(`cannot create files in ${folder} (permission denied)`);
	}

	if (statKind(path) === 'folder') {
		throw refuse('is a folder; name a file, for example session.md');
	}
}

/**
Writes the transcript once the report is on stdout, so a failure here loses nothing but the file: it is
one line on stderr and exit status 2.
*/
export async function writeTranscript(path: string, report: Report, io: Pick<CliIo, 'stderr'>): Promise<number> {
	try {
		await writeExport(path, exportReport(report, formatFromPath(path)));
		return 0;
	} catch (error) {
		const reason = error instanceof ExportError ? lowerFirst(error.message).replace(/\.$/, '') : `cannot write ${path}: ${(error as Error).message}`;
		io.stderr.write(`fix403: ${errorLine(reason)} (the report is on stdout)\n`);
		return 2;
	}
}

function statKind(path: string): 'folder' | 'other' | undefined {
	try {
		return statSync(path).isDirectory() ? 'folder' : 'other';
	} catch {
		return undefined;
	}
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
