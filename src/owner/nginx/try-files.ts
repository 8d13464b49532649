import type {ContentInput, ContentResult} from './content-phase.js';
import {mapUriToPath} from './map-uri.js';
import {walkPath, type PathProblem} from './path-walk.js';
import type {Directive} from './types.js';
import {interpolate} from './variables.js';

/**
`try_files file … last`: the first candidate that exists (a folder when it ends in `/`) becomes the URI in
the same location; otherwise the last parameter decides: `=code`, a named location, or an internal redirect.
Candidates the worker cannot reach (EACCES, refused symlinks) are skipped, as nginx does after logging.
*/
export async function runTryFiles(input: ContentInput, tryFiles: Directive, skipped: PathProblem[]): Promise<{uri: string} | Omit<ContentResult, 'skipped'>> {
	const candidates = tryFiles.args.slice(0, -1);
	const last = tryFiles.args.at(-1)!;
	for (const candidate of candidates) {
		const value = interpolate(candidate, input.lookupFor(input.uri));
		if (value === undefined) {
			return {outcome: {kind: 'unknown', reason: `try_files "${candidate}" uses a variable that is unknown here`}};
		}

		const wantDirectory = value.endsWith('/');
		const mapped = mapUriToPath(input.context, value, input.prefix, input.lookupFor(input.uri)).path;
		if (mapped === undefined) {
			return {outcome: {kind: 'unknown', reason: 'the root value uses a variable that is unknown here'}};
		}

		const walk = await walkPath(mapped, input.io, input.user, input.symlinks, false);
		if (walk.problem) {
			// nginx logs EACCES/ELOOP here at crit level and moves on to the next candidate.
			if (walk.problem.kind !== 'missing' && walk.problem.kind !== 'not-directory') {
				skipped.push(walk.problem);
			}

			continue;
		}

		if ((walk.target?.kind === 'directory') === wantDirectory) {
			return {uri: value};
		}
	}

	if (/^=\d{3}$/.test(last)) {
		return {outcome: {kind: 'status', code: Number(last.slice(1)), directive: tryFiles}};
	}

	if (last.startsWith('@')) {
		return {outcome: {kind: 'named-location', name: last, directive: tryFiles}};
	}

	const target = interpolate(last, input.lookupFor(input.uri));
	if (target === undefined) {
		return {outcome: {kind: 'unknown', reason: `try_files fallback "${last}" uses a variable that is unknown here`}};
	}

	return {outcome: {kind: 'internal-redirect', uri: target.split('?')[0]!, directive: tryFiles, reason: 'try_files'}};
}
