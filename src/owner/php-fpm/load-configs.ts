import path from 'node:path';
import {type FpmConfigFile, parseFpmConfig} from './parse-config.js';

/** The file access the PHP-FPM check needs; `createNodeFpmIo()` is the real one. */
export type FpmFsIo = {
	readText(file: string): Promise<string | undefined>;
	readdir(folder: string): Promise<string[] | undefined>;
	isDirectory(file: string): Promise<boolean>;
};

/** Where distributions keep pool files: Debian/Ubuntu, RHEL/Fedora, Arch, the official Docker image. */
export const defaultPoolGlobs = [
	'/etc/php/*/fpm/pool.d/*.conf',
	'/etc/php-fpm.d/*.conf',
	'/etc/php/php-fpm.d/*.conf',
	'/usr/local/etc/php-fpm.d/*.conf',
] as const;

// Bounds: a hostile or broken include chain must not make the check read the whole disk.
const maxFiles = 200;
const maxIncludeDepth = 8;

function segmentPattern(segment: string): RegExp {
	const escaped = segment.replaceAll(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*').replaceAll('?', '[^/]');
	return new RegExp(`^${escaped}$`);
}

/** Expands `*` and `?` in any path segment (what glob(3) does for include=), sorted like glob. */
export async function expandGlob(pattern: string, io: FpmFsIo): Promise<string[]> {
	let matches = ['/'];
	for (const segment of pattern.split('/').filter(Boolean)) {
		const next: string[] = [];
		for (const base of matches) {
			if (!/[*?]/.test(segment)) {
				next.push(path.posix.join(base, segment));
				continue;
			}

			const names = (await io.readdir(base)) ?? [];
			const regex = segmentPattern(segment);
			next.push(...names.filter(name => !name.startsWith('.') && regex.test(name)).sort().map(name => path.posix.join(base, name)));
		}

		matches = next.slice(0, maxFiles);
	}

	return matches;
}

/** Options of `loadFpmConfigs`. */
export type LoadOptions = {
	/** A pool file, php-fpm.conf, or a folder of `*.conf`; default: the distributions' pool folders. */
	readonly path?: string;
	/** Prefix for relative `include=` paths (php-fpm.conf: the `-p` prefix, else /usr). */
	readonly prefix?: string;
};

/** Reads and parses the pool configs, following `include=` globs (bounded), each file once. */
export async function loadFpmConfigs(options: LoadOptions, io: FpmFsIo): Promise<FpmConfigFile[]> {
	const prefix = options.prefix ?? '/usr';
	let roots: string[];
	if (options.path === undefined) {
		roots = (await Promise.all(defaultPoolGlobs.map(async pattern => expandGlob(pattern, io)))).flat();
	} else if (await io.isDirectory(options.path)) {
		roots = await expandGlob(path.posix.join(path.posix.resolve(options.path), '*.conf'), io);
	} else {
		roots = [path.posix.resolve(options.path)];
	}

	const files: FpmConfigFile[] = [];
	const seen = new Set<string>();
	const load = async (file: string, depth: number): Promise<void> => {
		if (seen.has(file) || seen.size >= maxFiles || depth > maxIncludeDepth) {
			return;
		}

		seen.add(file);
		const text = await io.readText(file);
		if (text === undefined) {
			return;
		}

		const parsed = parseFpmConfig(file, text);
		files.push(parsed);
		for (const include of parsed.includes) {
			const pattern = include.pattern.startsWith('/') ? include.pattern : path.posix.join(prefix, include.pattern);
			for (const match of await expandGlob(pattern, io)) {
				await load(match, depth + 1);
			}
		}
	};

	for (const root of roots) {
		await load(root, 0);
	}

	return files;
}
