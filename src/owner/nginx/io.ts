/** What a path is, as `lstat` or `stat` saw it. */
export type FileKind = 'file' | 'directory' | 'symlink' | 'other';

export type FileStat = {
	readonly kind: FileKind;
	/** Permission bits (`mode & 0o7777`). */
	readonly mode: number;
	readonly uid: number;
	readonly gid: number;
};

/** Why a stat failed; the errno names nginx logs. */
export type StatFailure = {readonly error: 'ENOENT' | 'EACCES' | 'ENOTDIR' | 'ELOOP' | 'OTHER'};

export type StatResult = FileStat | StatFailure;

/** A system account: what permission checks need to act as the server's user. */
export type UserInfo = {
	readonly name: string;
	readonly uid: number;
	readonly gid: number;
	/** Every group id the user belongs to, primary included. */
	readonly groups: readonly number[];
};

export type CommandResult = {readonly code: number | null; readonly stdout: string; readonly stderr: string};

/**
Every effect the nginx reader needs, behind one small interface so the analysis can run against a real
machine (`nodeNginxIo`) or a table in a test.
*/
export type NginxIo = {
	/** Reads a text file; rejects when it is missing, unreadable or larger than `maxBytes`. */
	readFile(path: string, maxBytes: number): Promise<string>;
	/** Names in a folder (no `.`/`..`); rejects when the folder cannot be listed. */
	readDir(path: string): Promise<readonly string[]>;
	/** `stat` (follows symbolic links). */
	stat(path: string): Promise<StatResult>;
	/** `lstat` (a symbolic link is reported as one). */
	lstat(path: string): Promise<StatResult>;
	/** The account named `name`, or undefined when it does not exist. */
	lookupUser(name: string): Promise<UserInfo | undefined>;
	/** Runs a program without a shell; undefined when it is not installed. */
	run(command: string, args: readonly string[]): Promise<CommandResult | undefined>;
};

export function isFileStat(result: StatResult): result is FileStat {
	return 'kind' in result;
}
