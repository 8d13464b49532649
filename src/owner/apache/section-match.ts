import path from 'node:path';
import {fnmatch, hasWildcard} from './glob.js';
import {compile} from './rewrite-eval.js';
import type {ApacheSection} from './types.js';

/** A `<Directory>` written without a regular expression: its path with a trailing slash and its depth. */
export type PlainDirectory = {readonly section: ApacheSection; readonly path: string; readonly components: number};

/** `<Directory ~ re>` and `<DirectoryMatch re>` are regular expressions; everything else is a (wildcard) path. */
export function directoryRegex(section: ApacheSection): RegExp | undefined {
	const name = section.name.toLowerCase();
	const [first = '', second = ''] = section.args;
	if (name === 'directorymatch') {
		return compile(first, false);
	}

	return name === 'directory' && first === '~' ? compile(second, false) : undefined;
}

/** Normalises a non-regex `<Directory>` (relative paths are under ServerRoot); undefined for regex forms. */
export function plainDirectory(section: ApacheSection, serverRoot: string): PlainDirectory | undefined {
	if (section.name.toLowerCase() !== 'directory' || section.args[0] === '~') {
		return undefined;
	}

	const raw = section.args[0] ?? '';
	const absolute = raw.startsWith('/') ? raw : path.join(serverRoot, raw);
	const normalized = absolute === '/' ? '/' : `${absolute.replace(/\/+$/, '')}/`;
	return {section, path: normalized, components: normalized.split('/').length - 1};
}

/** Whether a `<Directory>` applies to a walk level (`/srv/www/`), exactly or by wildcard, as `ap_directory_walk` tests it. */
export function directoryMatchesLevel(entry: PlainDirectory, level: string): boolean {
	return hasWildcard(entry.path) ? fnmatch(entry.path, level, {pathname: true}) : entry.path === level;
}

/** `<Files name>` (wildcards), `<Files ~ re>`, `<FilesMatch re>` against the last path component. */
export function filesMatches(section: ApacheSection, basename: string): boolean | undefined {
	const name = section.name.toLowerCase();
	const [first = '', second = ''] = section.args;
	if (name === 'filesmatch' || first === '~') {
		const regex = compile(name === 'filesmatch' ? first : second, false);
		return regex ? regex.test(basename) : undefined;
	}

	return fnmatch(first, basename);
}

/** `<Location /x>` (prefix at a segment boundary, or wildcards), `<Location ~ re>`, `<LocationMatch re>` against the URL-path. */
export function locationMatches(section: ApacheSection, uri: string): boolean | undefined {
	const name = section.name.toLowerCase();
	const [first = '', second = ''] = section.args;
	if (name === 'locationmatch' || first === '~') {
		const regex = compile(name === 'locationmatch' ? first : second, false);
		return regex ? regex.test(uri) : undefined;
	}

	const merged = uri.replaceAll(/\/{2,}/g, '/');
	if (hasWildcard(first)) {
		return fnmatch(first, merged, {pathname: true});
	}

	if (!merged.startsWith(first)) {
		return false;
	}

	return first.endsWith('/') || merged.length === first.length || merged[first.length] === '/';
}
