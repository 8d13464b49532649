/** Stable codes of `LogReadError`: the errno of the failed call, or ECOMPRESSED for a gzip file. */
export type LogReadErrorCode = 'ENOENT' | 'EACCES' | 'EPERM' | 'EISDIR' | 'ELOOP' | 'ENOTDIR' | 'ECOMPRESSED' | 'EIO';

const reasons: Record<LogReadErrorCode, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied (run as root or as the log\'s owner)',
	EPERM: 'operation not permitted',
	EISDIR: 'it is a folder, not a file',
	ELOOP: 'too many symbolic links',
	ENOTDIR: 'a component of the path is not a folder',
	ECOMPRESSED: 'it is gzip-compressed; pass the uncompressed log (e.g. zcat it to a file first)',
	EIO: 'read error',
};

/**
A log could not be read. The user can act on it (wrong path, missing rights): the CLI prints `message`
(one line) and exits 2. `code` is stable; `cause` keeps the original error.
*/
export class LogReadError extends Error {
	override readonly name = 'LogReadError';
	readonly code: LogReadErrorCode;
	readonly file: string;

	constructor(code: LogReadErrorCode, file: string, options?: {cause?: unknown}) {
		super(`cannot read log ${file}: ${reasons[code]} (${code})`, options);
		this.code = code;
		this.file = file;
	}
}

/** Wraps an fs error into a `LogReadError`; unknown errno values become EIO. */
export function toLogReadError(error: unknown, file: string): LogReadError {
	const raw = error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
	const code = (raw in reasons ? raw : 'EIO') as LogReadErrorCode;
	return new LogReadError(code, file, {cause: error});
}
