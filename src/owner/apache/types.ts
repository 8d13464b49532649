/** Where something was written: a config file (or .htaccess) and its 1-based line. */
export type ApacheLocation = {readonly file: string; readonly line: number};

/** One directive as Apache reads it: its name as written, its words (quotes removed), its raw argument text. */
export type ApacheDirective = ApacheLocation & {
	readonly kind: 'directive';
	readonly name: string;
	readonly args: readonly string[];
	/** The argument text after the name, unsplit (what `Require expr` and `<If>` read). */
	readonly raw: string;
	/** For a line continued with `\`: its last physical line, the one httpd's own messages name. */
	readonly lastLine?: number;
};

/** A container such as `<Directory /srv>`: the name without `<`, its arguments and what it encloses. */
export type ApacheSection = ApacheLocation & {
	readonly kind: 'section';
	readonly name: string;
	readonly args: readonly string[];
	readonly raw: string;
	readonly children: readonly ApacheNode[];
};

export type ApacheNode = ApacheDirective | ApacheSection;

/**
A configuration after `Include`s were spliced in and `<IfModule>`/`<IfDefine>`/`<IfFile>` were decided,
the way Apache itself reads it at start-up.
*/
export type ApacheConfig = {
	readonly mainFile: string;
	readonly serverRoot: string;
	readonly nodes: readonly ApacheNode[];
	/** Every file read, in reading order. */
	readonly files: readonly string[];
	/** `Define`s and environment variables (e.g. Debian's envvars) used for `${NAME}`. */
	readonly variables: Readonly<Record<string, string>>;
	/** Module identifiers loaded by `LoadModule` (`rewrite_module`) plus built-ins; undefined when none were seen. */
	readonly modules?: ReadonlySet<string>;
};

/** The request to judge, as the visitor sent it. */
export type ApacheRequest = {
	readonly url: string;
	readonly method: string;
	/** The visitor's address as Apache sees it (`Require ip` compares this). */
	readonly clientAddress: string;
	readonly referer?: string;
	readonly userAgent?: string;
	/** The visitor's host name after a double reverse lookup, when known (`Require host`). */
	readonly clientHost?: string;
	/** Local address the connection reached, when the URL names a host rather than an address. */
	readonly serverAddress?: string;
};

/** One file-system entry as `lstat`/`stat` report it. */
export type ApacheFsEntry = {
	readonly kind: 'file' | 'directory' | 'symlink' | 'other';
	readonly uid: number;
	readonly gid: number;
	readonly mode: number;
};

/** The effects the Apache reader needs; `nodeApacheIo` implements them on the real machine. */
export type ApacheIo = {
	/** Text of a file, at most `maxBytes`; undefined when it does not exist or cannot be read. */
	readText(path: string, maxBytes?: number): Promise<string | undefined>;
	/** Entry names of a folder; undefined when it is not a readable folder. */
	list(path: string): Promise<readonly string[] | undefined>;
	lstat(path: string): Promise<ApacheFsEntry | undefined>;
	stat(path: string): Promise<ApacheFsEntry | undefined>;
	/** Runs a program without a shell and returns its stdout; undefined when it cannot run. */
	run?(file: string, args: readonly string[]): Promise<string | undefined>;
};
