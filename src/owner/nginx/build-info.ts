/** What `nginx -V` tells about a build. */
export type NginxBuildInfo = {
	readonly version?: string;
	readonly prefix?: string;
	readonly confPath?: string;
	readonly errorLogPath?: string;
	/** `--user=` / `--group=`: the worker user when the config has no `user` directive. */
	readonly user?: string;
	readonly group?: string;
	readonly modules: readonly string[];
};

/** Parses `nginx -V` output (nginx prints it on stderr): version line and `configure arguments:`. */
export function parseBuildInfo(text: string): NginxBuildInfo {
	const version = /nginx version: nginx\/(\S+)/.exec(text)?.[1];
	const configure = /^configure arguments: (.*)$/m.exec(text)?.[1] ?? '';
	const options = new Map<string, string>();
	const modules: string[] = [];
	for (const word of shellWords(configure)) {
		const match = /^--([\w-]+)(?:=(.*))?$/.exec(word);
		if (!match) {
			continue;
		}

		if (match[2] === undefined) {
			modules.push(match[1]!);
		} else {
			options.set(match[1]!, match[2]);
		}
	}

	return {
		version,
		prefix: options.get('prefix'),
		confPath: options.get('conf-path'),
		errorLogPath: options.get('error-log-path'),
		user: options.get('user'),
		group: options.get('group'),
		modules,
	};
}

/** Splits like a POSIX shell for the quoting nginx's configure line uses ('…' and "…"). */
function shellWords(line: string): string[] {
	const words: string[] = [];
	let current = '';
	let quote: string | undefined;
	let inWord = false;
	for (const ch of line) {
		if (quote !== undefined) {
			if (ch === quote) {
				quote = undefined;
			} else {
				current += ch;
			}

			continue;
		}

		if (ch === '\'' || ch === '"') {
			quote = ch;
			inWord = true;
		} else if (ch === ' ' || ch === '\t') {
			if (inWord) {
				words.push(current);
			}

			current = '';
			inWord = false;
		} else {
			current += ch;
			inWord = true;
		}
	}

	if (inWord) {
		words.push(current);
	}

	return words;
}
