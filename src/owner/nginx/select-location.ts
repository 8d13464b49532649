import {childrenNamed} from './directives.js';
import {nginxRegExp} from './nginx-regex.js';
import type {Directive} from './types.js';

/** `=` exact, `^~` prefix that skips regexes, `~`/`~*` regex, `''` plain prefix, `@` named. */
export type LocationModifier = '=' | '^~' | '~' | '~*' | '' | '@';

export type LocationPattern = {readonly modifier: LocationModifier; readonly pattern: string};

export type LocationChoice = {
	/** The locations from the outermost to the one that handles the request; empty when none matched. */
	readonly chain: readonly Directive[];
	/** Captures of the regex location that matched (`$1`…), for `alias`/`root` with captures. */
	readonly captures: readonly string[];
	/** Regex locations whose pattern JavaScript cannot evaluate; the choice may be wrong around them. */
	readonly unsupported: readonly Directive[];
};

/** Reads `location = /x`, `location =/x`, `location ^~ /x`, `location ~* \.php$`, `location @name`. */
export function locationPattern(location: Directive): LocationPattern {
	const [first = '', second] = location.args;
	if (second !== undefined) {
		return {modifier: asModifier(first) ?? '', pattern: second};
	}

	for (const modifier of ['^~', '~*', '=', '~', '@'] as const) {
		if (first.startsWith(modifier) && first.length > modifier.length) {
			return {modifier, pattern: modifier === '@' ? first : first.slice(modifier.length)};
		}
	}

	return {modifier: '', pattern: first};
}

function asModifier(text: string): LocationModifier | undefined {
	return (['=', '^~', '~', '~*', '@'] as const).find(modifier => modifier === text);
}

/**
Finds the location nginx uses for `uri`, following `ngx_http_core_find_location`: an exact `=` match ends
the search; otherwise the longest prefix is remembered and its nested locations are searched; then,
unless that prefix was `^~`, the regex locations of this level are tried in config order and the first
match wins (and its nested locations are searched in turn).
*/
export function selectLocation(serverBlock: readonly Directive[], uri: string): LocationChoice {
	const unsupported: Directive[] = [];
	let captures: string[] = [];

	const find = (block: readonly Directive[], outer: readonly Directive[]): {done: boolean; chain: readonly Directive[]} => {
		const locations = childrenNamed(block, 'location').map(directive => ({directive, ...locationPattern(directive)}));
		const exact = locations.find(location => location.modifier === '=' && location.pattern === uri);
		if (exact) {
			return {done: true, chain: [...outer, exact.directive]};
		}

		let chain = outer;
		let noRegex = false;
		const prefix = locations
			.filter(location => (location.modifier === '' || location.modifier === '^~') && uri.startsWith(location.pattern))
			.reduce<(typeof locations)[number] | undefined>((best, location) => (best === undefined || location.pattern.length > best.pattern.length ? location : best), undefined);
		if (prefix) {
			noRegex = prefix.modifier === '^~';
			const nested = find(prefix.directive.block ?? [], [...outer, prefix.directive]);
			if (nested.done) {
				return nested;
			}

			chain = nested.chain;
		}

		if (!noRegex) {
			for (const location of locations) {
				if (location.modifier !== '~' && location.modifier !== '~*') {
					continue;
				}

				const regex = nginxRegExp(location.pattern, location.modifier === '~*');
				if (regex === undefined) {
					unsupported.push(location.directive);
					continue;
				}

				const match = regex.exec(uri);
				if (match) {
					captures = match.slice(1).map(capture => capture ?? '');
					const nested = find(location.directive.block ?? [], [...outer, location.directive]);
					return {done: true, chain: nested.chain};
				}
			}
		}

		return {done: false, chain};
	};

	const {chain} = find(serverBlock, []);
	return {chain, captures, unsupported};
}

/** A named location (`@fallback`) of a server, for `try_files … @fallback` and `error_page`. */
export function namedLocation(serverBlock: readonly Directive[], name: string): Directive | undefined {
	return childrenNamed(serverBlock, 'location').find(location => locationPattern(location).modifier === '@' && location.args.includes(name));
}
