import path from 'node:path';
import {fnmatch, hasWildcard} from './glob.js';
import type {ApacheIo} from './types.js';

/** At most this many files come from one folder include; beyond it the config is treated as hostile. */
const maxFilesPerInclude = 2000;

/**
The files an `Include`/`IncludeOptional` argument names, in httpd's order: relative to ServerRoot; a folder
means every file below it, sorted by name; wildcards may sit in any path segment (a leading `.` must be
matched literally). With no files, `problem` is httpd's reason — an error for `Include`, ignored by `IncludeOptional`.
*/
export async function expandInclude(argument: string, serverRoot: string, io: ApacheIo): Promise<{files: string[]; problem?: string}> {
	const absolute = path.isAbsolute(argument) ? path.normalize(argument) : path.join(serverRoot, argument);
	if (!hasWildcard(absolute)) {
		const entry = await io.stat(absolute);
		if (!entry) {
			return {files: [], problem: `Could not open configuration file ${absolute}: No such file or directory`};
		}

		return {files: entry.kind === 'directory' ? await filesUnder(absolute, io) : [absolute]};
	}

	const segments = absolute.split('/').filter(Boolean);
	let bases = ['/'];
	let problem: string | undefined;
	for (const [index, segment] of segments.entries()) {
		const last = index === segments.length - 1;
		const next: string[] = [];
		for (const base of bases) {
			if (!hasWildcard(segment)) {
				next.push(path.join(base, segment));
				continue;
			}

			const listed = await io.list(base);
			problem ??= listed ? `Include/IncludeOptional: No matches for the wildcard '${segment}' in '${base}', failing`
				: `Include/IncludeOptional: Could not open directory ${base}: No such file or directory`;
			const names = [...listed ?? []].sort(compareBytes);
			for (const name of names) {
				if (fnmatch(segment, name, {pathname: true, period: true})) {
					next.push(path.join(base, name));
				}
			}
		}

		bases = last ? next : await onlyDirectories(next, io);
		if (bases.length === 0) {
			problem ??= `Include/IncludeOptional: Could not open directory ${next[0] ?? '/'}: No such file or directory`;
			break;
		}
	}

	const files: string[] = [];
	for (const candidate of bases) {
		const entry = await io.stat(candidate);
		if (entry?.kind === 'directory') {
			files.push(...await filesUnder(candidate, io));
		} else if (entry) {
			files.push(candidate);
		}
	}

	return files.length > 0 ? {files: files.slice(0, maxFilesPerInclude)} : {files, problem};
}

async function onlyDirectories(candidates: readonly string[], io: ApacheIo): Promise<string[]> {
	const kept: string[] = [];
	for (const candidate of candidates) {
		if ((await io.stat(candidate))?.kind === 'directory') {
			kept.push(candidate);
		}
	}

	return kept;
}

async function filesUnder(folder: string, io: ApacheIo, depth = 0): Promise<string[]> {
	const names = [...await io.list(folder) ?? []].sort(compareBytes);
	const files: string[] = [];
	for (const name of names) {
		const child = path.join(folder, name);
		const entry = await io.stat(child);
		if (entry?.kind === 'directory' && depth < 16) {
			files.push(...await filesUnder(child, io, depth + 1));
		} else if (entry?.kind === 'file') {
			files.push(child);
		}

		if (files.length >= maxFilesPerInclude) {
			break;
		}
	}

	return files;
}

/** httpd sorts included names with `strcmp`, i.e. by bytes, not by locale. */
function compareBytes(a: string, b: string): number {
	return a < b ? -1 : (a > b ? 1 : 0);
}
