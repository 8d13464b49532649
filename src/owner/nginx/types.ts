/** One directive as written, with the file and line of its name. Block directives carry their children. */
export type Directive = {
	readonly name: string;
	readonly args: readonly string[];
	readonly file: string;
	readonly line: number;
	/** Present (possibly empty) for `name args { … }`; absent for `name args;`. */
	readonly block?: readonly Directive[];
};

/** A whole configuration with every `include` replaced by what it includes, as nginx sees it. */
export type NginxConfig = {
	/** The main configuration file. */
	readonly file: string;
	/** nginx's prefix (`-p`, or the build's `--prefix`): relative `root`, `error_log`… resolve against it. */
	readonly prefix: string;
	/** Folder of the main file: relative `include` paths resolve against it. */
	readonly confDir: string;
	readonly directives: readonly Directive[];
	/** Every file that contributed, main file first. */
	readonly files: readonly string[];
};
