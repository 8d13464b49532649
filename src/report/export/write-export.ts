import {randomBytes} from 'node:crypto';
import {open, rename, unlink} from 'node:fs/promises';
import path from 'node:path';
import {ExportError} from './export-format.js';

/**
Writes an export so that only its owner can read it (mode 0600, whatever the umask) and without following a
symbolic link planted at `file`: the content goes to a new temporary file next to it (created exclusively,
`wx`, which never follows a link), then replaces `file` by rename, which replaces a link rather than writing
through it. Failures become `ExportError` (`export-write-failed`) with a one-line message.
*/
export async function writeExport(file: string, content: string): Promise<void> {
	const directory = path.dirname(path.resolve(file));
	const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		const handle = await open(temporary, 'wx', 0o600);
		try {
			await handle.chmod(0o600);
			await handle.writeFile(content, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}

		await rename(temporary, file);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
		throw new ExportError('export-write-failed', `Cannot write the transcript to ${file}: ${reason}.`, {cause: error});
	}
}
