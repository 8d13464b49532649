import path from 'node:path';
import {assembleNginxConfig, includePatterns} from './assemble.js';
import {NginxConfigError} from './config-error.js';
import {hasGlobMagic, matchGlobSegment} from './glob.js';
import {isFileStat, type NginxIo} from './io.js';
import {parseNginxDump} from './dump.js';
import {parseNginxText} from './parse-text.js';
import {defaultPrefixFor} from './prefix.js';
import type {NginxConfig} from './types.js';

/** Bounds for untrusted input: real configurations are far smaller. */
const maxFileBytes = 2 * 1024 * 1024;
const maxFiles = 1000;
// A saved `nginx -T` output, possibly with the `nginx: … syntax is ok` lines of `2>&1` first.
const dumpStart = /^(?:nginx: .*\n)*# configuration file .+:\r?\n/;

/**
Reads the main configuration file and everything it includes (globs relative to the main file's folder,
as nginx resolves them), then assembles it. `prefix` is nginx's `-p` (default: the build's usual one).
Also accepts a folder (its `nginx.conf`, or else every file in it as if included in `http { }`, like a
`sites-enabled` folder) and a saved `nginx -T` output.
*/
export async function loadNginxConfig(
	file: string,
	io: NginxIo,
	options: {readonly prefix?: string} = {},
): Promise<NginxConfig> {
	// Like `nginx -p P -c F`: a relative F is under the prefix; without a prefix it is the caller's path.
	let main = path.isAbsolute(file) || options.prefix === undefined ? path.resolve(file) : path.join(options.prefix, file);
	const texts = new Map<string, string>();
	const given = await io.stat(main);
	if (isFileStat(given) && given.kind === 'directory') {
		const inside = path.join(main, 'nginx.conf');
		if (isFileStat(await io.stat(inside))) {
			main = inside;
		} else {
			const folder = main;
			main = path.join(folder, '(files of this folder)');
			texts.set(main, `http {\n\tinclude "${folder.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}/*";\n}\n`);
		}
	}

	const prefix = options.prefix ?? defaultPrefixFor(path.dirname(main));
	const confDir = path.dirname(main);
	const failures = new Map<string, string>();
	const globs = new Map<string, string[]>();
	const queue = [main];
	const visited = new Set<string>();

	while (queue.length > 0) {
		const next = queue.shift()!;
		if (visited.has(next)) {
			continue;
		}

		visited.add(next);
		if (texts.size >= maxFiles) {
			throw new NginxConfigError('ERR_NGINX_LIMIT', `more than ${maxFiles} included files`, {file: main});
		}

		let text: string;
		try {
			text = texts.get(next) ?? await io.readFile(next, maxFileBytes);
		} catch (error) {
			failures.set(next, readFailure(error));
			continue;
		}

		if (next === main && dumpStart.test(text)) {
			return parseNginxDump(text, {prefix: options.prefix});
		}

		texts.set(next, text);
		let parsed;
		try {
			parsed = parseNginxText(text, next);
		} catch {
			// The assembly below parses again and reports the error with its place.
			continue;
		}

		for (const pattern of includePatterns(parsed, confDir)) {
			if (!hasGlobMagic(pattern)) {
				queue.push(pattern);
				continue;
			}

			if (!globs.has(pattern)) {
				globs.set(pattern, await globFiles(pattern, io));
			}

			queue.push(...globs.get(pattern)!);
		}
	}

	return assembleNginxConfig(main, {texts, failures, glob: pattern => globs.get(pattern) ?? []}, {prefix, confDir});
}

/** glob(3) over the real file system, one path component at a time; sorted like glob's default. */
export async function globFiles(pattern: string, io: NginxIo): Promise<string[]> {
	const parts = pattern.split('/').filter(part => part !== '');
	let candidates = [path.isAbsolute(pattern) ? '/' : '.'];
	for (const part of parts) {
		const next: string[] = [];
		for (const base of candidates) {
			if (!hasGlobMagic(part)) {
				next.push(path.join(base, part));
				continue;
			}

			const names = await io.readDir(base).catch(() => [] as readonly string[]);
			next.push(...names.filter(name => matchGlobSegment(part, name)).sort().map(name => path.join(base, name)));
		}

		candidates = next;
	}

	const existing: string[] = [];
	for (const candidate of candidates) {
		const result = await io.stat(candidate);
		if ('kind' in result) {
			existing.push(candidate);
		}
	}

	return existing.sort();
}

function readFailure(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') {
		return '2: No such file or directory';
	}

	if (code === 'EACCES') {
		return '13: Permission denied';
	}

	return error instanceof Error ? error.message : String(error);
}
