/** One `key = value` line of a PHP-FPM config file. */
export type FpmDirective = {readonly key: string; readonly value: string; readonly line: number};

/** A `[name]` section and its directives; directives before any section belong to section `''`. */
export type FpmSection = {readonly name: string; readonly line: number; readonly directives: FpmDirective[]};

/** A parsed PHP-FPM config file (php-fpm.conf or a pool file). */
export type FpmConfigFile = {
	readonly file: string;
	readonly sections: readonly FpmSection[];
	/** `include=` globs, in order, with their line. */
	readonly includes: ReadonlyArray<{readonly pattern: string; readonly line: number}>;
};

/** Strips quotes and a trailing `;` comment the way PHP's INI scanner does for one value. */
function iniValue(raw: string): string {
	const text = raw.trim();
	const quoted = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(text);
	if (quoted) {
		return quoted[1] ?? quoted[2] ?? '';
	}

	const comment = text.indexOf(';');
	return (comment === -1 ? text : text.slice(0, comment)).trim();
}

/**
Parses the INI dialect of PHP-FPM config (php-fpm.conf(5) / pool.d/*.conf): `[section]` headers, `;`
comments, `key = value` with optional quotes, keys like `php_admin_value[error_log]`, and `include=`.
Lines that fit none of these are skipped; the real php-fpm would refuse to start on them, which
`php-fpm -t` reports better than we could.
*/
export function parseFpmConfig(file: string, text: string): FpmConfigFile {
	const sections: FpmSection[] = [{name: '', line: 0, directives: []}];
	const includes: Array<{pattern: string; line: number}> = [];
	for (const [index, rawLine] of text.split(/\r?\n/).entries()) {
		const line = rawLine.trim();
		const number = index + 1;
		if (line === '' || line.startsWith(';') || line.startsWith('#')) {
			continue;
		}

		const header = /^\[([^\]]+)\]\s*(?:;.*)?$/.exec(line);
		if (header?.[1] !== undefined) {
			sections.push({name: header[1].trim(), line: number, directives: []});
			continue;
		}

		const assignment = /^([\w.[\]-]+)\s*=(.*)$/.exec(line);
		if (!assignment?.[1]) {
			continue;
		}

		const key = assignment[1];
		const value = iniValue(assignment[2] ?? '');
		if (key === 'include') {
			includes.push({pattern: value, line: number});
			continue;
		}

		sections.at(-1)?.directives.push({key, value, line: number});
	}

	return {file, sections: sections.filter(section => section.name !== '' || section.directives.length > 0), includes};
}
