import path from 'node:path';
import {NginxConfigError} from './config-error.js';
import {hasGlobMagic} from './glob.js';
import {parseNginxText} from './parse-text.js';
import type {Directive, NginxConfig} from './types.js';

/** The texts an assembly may use: already read (from disk or from an `nginx -T` dump). */
export type ConfigTexts = {
	/** File path → its text. */
	readonly texts: ReadonlyMap<string, string>;
	/** Why a file could not be read, when it was tried (shown in the include error). */
	readonly failures?: ReadonlyMap<string, string>;
	/** Files matching an absolute glob pattern, sorted as glob(3) sorts them. */
	glob(pattern: string): readonly string[];
};

/** Deeper than this is a cycle in practice; nginx itself would run out of file descriptors. */
const maxIncludeDepth = 24;

/**
Builds the configuration nginx would see: the main file's directives with each `include` replaced by the
directives of the files it names, in glob order, keeping each directive's own file and line.
*/
export function assembleNginxConfig(
	file: string,
	source: ConfigTexts,
	options: {readonly prefix: string; readonly confDir?: string},
): NginxConfig {
	const confDir = options.confDir ?? path.dirname(file);
	const used: string[] = [];
	const load = (target: string, from: Directive | undefined, depth: number): Directive[] => {
		const text = source.texts.get(target);
		if (text === undefined) {
			const why = source.failures?.get(target) ?? 'No such file or directory';
			const reason = `open() "${target}" failed (${why})`;
			throw from === undefined
				? new NginxConfigError('ERR_NGINX_READ', reason, {file: target})
				: new NginxConfigError('ERR_NGINX_INCLUDE', reason, {file: from.file, line: from.line});
		}

		if (!used.includes(target)) {
			used.push(target);
		}

		return expand(parseNginxText(text, target), depth);
	};

	const expand = (directives: readonly Directive[], depth: number): Directive[] => {
		const result: Directive[] = [];
		for (const directive of directives) {
			if (directive.name === 'include' && directive.block === undefined) {
				result.push(...includeTargets(directive).flatMap(target => {
					if (depth >= maxIncludeDepth) {
						throw new NginxConfigError('ERR_NGINX_LIMIT', 'include nesting is too deep (an include cycle?)', directive);
					}

					return load(target, directive, depth + 1);
				}));
				continue;
			}

			result.push(directive.block === undefined ? directive : {...directive, block: expand(directive.block, depth)});
		}

		return result;
	};

	const includeTargets = (directive: Directive): readonly string[] => {
		const [argument] = directive.args;
		if (directive.args.length !== 1 || argument === undefined) {
			throw new NginxConfigError('ERR_NGINX_SYNTAX', 'invalid number of arguments in "include" directive', directive);
		}

		const absolute = path.isAbsolute(argument) ? argument : path.join(confDir, argument);
		return hasGlobMagic(absolute) ? source.glob(absolute) : [absolute];
	};

	const directives = load(file, undefined, 0);
	return {file, prefix: options.prefix, confDir, directives, files: used};
}

/** Every `include` argument in a parsed file, resolved to an absolute path or pattern. */
export function includePatterns(directives: readonly Directive[], confDir: string): string[] {
	const found: string[] = [];
	for (const directive of directives) {
		if (directive.name === 'include' && directive.args.length === 1) {
			const [argument] = directive.args as [string];
			found.push(path.isAbsolute(argument) ? argument : path.join(confDir, argument));
		}

		if (directive.block !== undefined) {
			found.push(...includePatterns(directive.block, confDir));
		}
	}

	return found;
}
