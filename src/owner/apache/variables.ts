/** Replaces `${NAME}` with a `Define` or environment value; unknown names stay as written, as httpd leaves them (AH00111). */
export function substituteVariables(text: string, variables: Readonly<Record<string, string>>): string {
	if (!text.includes('${')) {
		return text;
	}

	return text.replaceAll(/\$\{([A-Za-z_]\w*)\}/g, (whole, name: string) => Object.hasOwn(variables, name) ? variables[name] ?? whole : whole);
}

/** Modules compiled into Debian's apache2 (`apache2 -l`); `<IfModule>` tests see them as loaded. */
export const builtinModules: readonly string[] = [
	'core.c', 'mod_so.c', 'mod_watchdog.c', 'http_core.c', 'mod_log_config.c', 'mod_logio.c', 'mod_version.c', 'mod_unixd.c',
	'core_module', 'so_module', 'watchdog_module', 'http_module', 'log_config_module', 'logio_module', 'version_module', 'unixd_module',
];

/** The names `<IfModule>` accepts for a `LoadModule rewrite_module …/mod_rewrite.so` line: the identifier and the source file. */
export function moduleNames(identifier: string, file: string | undefined): string[] {
	const names = [identifier, `mod_${identifier.replace(/_module$/, '')}.c`];
	const base = file?.split('/').at(-1)?.replace(/\.so$/, '');
	if (base) {
		names.push(`${base}.c`);
	}

	return names;
}

/** `<IfModule [!]name>` given the modules loaded so far; undefined modules (a config fragment) count as loaded. */
export function ifModuleHolds(argument: string, modules: ReadonlySet<string> | undefined): boolean {
	const negate = argument.startsWith('!');
	const name = negate ? argument.slice(1) : argument;
	const loaded = modules === undefined || modules.has(name);
	return negate ? !loaded : loaded;
}

/** `<IfDefine [!]NAME>`: true when NAME was given with `-D` or a `Define` seen earlier. */
export function ifDefineHolds(argument: string, defined: ReadonlySet<string>): boolean {
	const negate = argument.startsWith('!');
	const name = negate ? argument.slice(1) : argument;
	return negate ? !defined.has(name) : defined.has(name);
}
