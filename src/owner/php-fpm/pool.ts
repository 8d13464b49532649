import type {FpmConfigFile, FpmDirective} from './parse-config.js';

/** A pool (`[www]`) with the file and line it is defined at; later directives override earlier ones. */
export type FpmPool = {
	readonly name: string;
	readonly file: string;
	readonly line: number;
	readonly directives: readonly FpmDirective[];
};

/** The pools of some config files; `[global]` and directives outside a section are not pools. */
export function poolsOf(files: readonly FpmConfigFile[]): FpmPool[] {
	return files.flatMap(file => file.sections
		.filter(section => section.name !== '' && section.name !== 'global')
		.map(section => ({name: section.name, file: file.file, line: section.line, directives: section.directives})));
}

/**
A directive's effective value with its line, `$pool` expanded (PHP-FPM expands it in every pool value).
Undefined when the pool does not set it.
*/
export function poolValue(pool: FpmPool, key: string): FpmDirective | undefined {
	const directive = pool.directives.findLast(each => each.key === key);
	return directive && {...directive, value: directive.value.replaceAll('$pool', pool.name)};
}

/** Where to point a reader for a directive: its own line, or the pool header when it is left at its default. */
export function lineOf(pool: FpmPool, key: string): number {
	return poolValue(pool, key)?.line ?? pool.line;
}

/** `/etc/php/8.2/fpm/pool.d/www.conf` → `php8.2-fpm` (Debian's unit); elsewhere `php-fpm`. */
export function serviceName(file: string): string {
	const version = /\/php\/(\d+\.\d+)\/fpm\//.exec(file)?.[1];
	return version === undefined ? 'php-fpm' : `php${version}-fpm`;
}
