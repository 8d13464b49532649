import path from 'node:path';
import {contextLevels, type RequestContext} from './context.js';
import {locationPattern} from './select-location.js';
import type {Directive} from './types.js';
import {interpolate, type VariableLookup} from './variables.js';

export type DocumentMapping = {
	/** The file system path the URI maps to; undefined when a variable in root/alias is unknown. */
	readonly path: string | undefined;
	/** `$document_root`: the root (or alias) value, made absolute. */
	readonly documentRoot: string | undefined;
	/** The `root` or `alias` that decided; absent when nginx's default `root html` applies. */
	readonly directive?: Directive;
	readonly via: 'root' | 'alias';
};

/**
Maps a URI to a path like ngx_http_map_uri_to_path: the innermost `root` or `alias` (they share one slot,
so an inner `root` replaces an outer `alias` and vice versa); `root` appends the whole URI, `alias`
replaces the location's prefix (or is the whole path when the location is a regex with captures).
Relative values resolve against the prefix; the default is `root html`.
*/
export function mapUriToPath(context: RequestContext, uri: string, prefix: string, lookup: VariableLookup): DocumentMapping {
	const levels = contextLevels(context);
	let directive: Directive | undefined;
	for (let level = levels.length - 1; level >= 0 && directive === undefined; level--) {
		directive = levels[level]!.findLast(item => item.name === 'root' || item.name === 'alias');
	}

	const raw = directive?.args[0] ?? 'html';
	const value = interpolate(raw, lookup);
	const absolute = value === undefined ? undefined : path.isAbsolute(value) ? value : path.join(prefix, value);
	if (directive?.name !== 'alias') {
		return {path: absolute === undefined ? undefined : absolute.replace(/\/$/, '') + uri, documentRoot: absolute, directive, via: 'root'};
	}

	const location = aliasOwner(context, directive);
	const pattern = location === undefined ? undefined : locationPattern(location);
	if (pattern === undefined || pattern.modifier === '~' || pattern.modifier === '~*') {
		return {path: absolute, documentRoot: absolute, directive, via: 'alias'};
	}

	const rest = uri.startsWith(pattern.pattern) ? uri.slice(pattern.pattern.length) : uri;
	return {path: absolute === undefined ? undefined : absolute + rest, documentRoot: absolute, directive, via: 'alias'};
}

/** The location whose block holds an `alias` (alias is only valid in a location). */
function aliasOwner(context: RequestContext, alias: Directive): Directive | undefined {
	return context.locations.findLast(location => location.block?.includes(alias)) ?? context.locations.at(-1);
}
