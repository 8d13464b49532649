import {existsSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import {exportReport, formatFromPath, writeExport} from '../report/export/index.js';
import type {Report} from '../report/types.js';
import type {CliIo} from './main.js';
import {UserError} from './user-error.js';

/** Refuses a transcript path that cannot work before any request is sent. */
export function checkTranscriptPath(path: string): void {
	formatFromPath(path);
	const folder = dirname(path);
	if (!existsSync(folder) || !statSync(folder).isDirectory()) {
		throw new UserError(`--transcript ${path}: the folder ${folder} does not exist`);
	}
}

/** Writes the transcript; the report is already on stdout, so a failure here loses nothing but the file. */
export async function writeTranscript(path: string, report: Report, io: Pick<CliIo, 'stderr'>): Promise<number> {
	try {
		await writeExport(path, exportReport(report, formatFromPath(path)));
		return 0;
	} catch (error) {
		io.stderr.write(`fix403: could not write the transcript ${path}: ${(error as Error).message}\n`);
		return 2;
	}
}
