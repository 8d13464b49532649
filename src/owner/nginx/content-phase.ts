import {handlingBlock, inheritedDirective, type RequestContext} from './context.js';
import {lastNamed} from './directives.js';
import type {NginxIo, UserInfo} from './io.js';
import {mapUriToPath} from './map-uri.js';
import {runTryFiles} from './try-files.js';
import {walkPath, type PathProblem, type SymlinkPolicy} from './path-walk.js';
import type {Directive} from './types.js';
import {interpolate, type VariableLookup} from './variables.js';

/** What the precontent (`try_files`) and content (index, autoindex, static) phases do with a request. */
export type ContentOutcome =
	| {readonly kind: 'served'; readonly path: string}
	| {readonly kind: 'listing'; readonly path: string; readonly autoindex: Directive}
	| {readonly kind: 'internal-redirect'; readonly uri: string; readonly directive?: Directive; readonly reason: 'index' | 'try_files'}
	| {readonly kind: 'named-location'; readonly name: string; readonly directive: Directive}
	| {readonly kind: 'status'; readonly code: number; readonly directive: Directive}
	| {readonly kind: 'directory-index-missing'; readonly path: string; readonly index?: Directive; readonly autoindex?: Directive; readonly tried: readonly string[]}
	| {readonly kind: 'path-problem'; readonly path: string; readonly problem: PathProblem; readonly stage: 'file' | 'index' | 'directory'}
	| {readonly kind: 'redirect-slash'; readonly path: string}
	| {readonly kind: 'unknown'; readonly reason: string};

export type ContentInput = {
	readonly context: RequestContext;
	readonly uri: string;
	readonly prefix: string;
	readonly lookupFor: (uri: string) => VariableLookup;
	readonly io: NginxIo;
	readonly user: UserInfo | undefined;
	readonly symlinks: SymlinkPolicy;
};

export type ContentResult = {readonly outcome: ContentOutcome; readonly mappedPath?: string; readonly skipped: readonly PathProblem[]};

/**
Follows `try_files` (only the handling block's own: it is not inherited), then the index module for URIs
ending in `/` (first existing index file → internal redirect; none → `autoindex` or the 403 "directory
index … is forbidden"), then the static module (open the file as the worker user).
*/
export async function runContentPhase(input: ContentInput): Promise<ContentResult> {
	const {context, io, user, symlinks} = input;
	const skipped: PathProblem[] = [];
	let {uri} = input;
	const tryFiles = lastNamed(handlingBlock(context).block ?? [], 'try_files');
	if (tryFiles !== undefined && tryFiles.args.length >= 2) {
		const found = await runTryFiles(input, tryFiles, skipped);
		if ('outcome' in found) {
			return {...found, skipped};
		}

		uri = found.uri;
	}

	const mapping = mapUriToPath(context, uri, input.prefix, input.lookupFor(uri));
	if (mapping.path === undefined) {
		return {outcome: {kind: 'unknown', reason: `the ${mapping.via} value uses a variable that is unknown here`}, skipped};
	}

	const mappedPath = mapping.path;
	if (!uri.endsWith('/')) {
		const walk = await walkPath(mappedPath, io, user, symlinks, true);
		if (walk.problem?.kind === 'cannot-check') {
			return {outcome: cannotCheck(walk.problem.path), mappedPath, skipped};
		}

		if (walk.problem) {
			return {outcome: {kind: 'path-problem', path: mappedPath, problem: walk.problem, stage: 'file'}, mappedPath, skipped};
		}

		return {outcome: walk.target?.kind === 'directory' ? {kind: 'redirect-slash', path: mappedPath} : {kind: 'served', path: mappedPath}, mappedPath, skipped};
	}

	const index = inheritedDirective(context, 'index');
	const names = index?.args ?? ['index.html'];
	const tried: string[] = [];
	for (const [position, rawName] of names.entries()) {
		const name = interpolate(rawName, input.lookupFor(uri));
		if (name === undefined) {
			return {outcome: {kind: 'unknown', reason: `the index value "${rawName}" uses a variable that is unknown here`}, mappedPath, skipped};
		}

		if (name.startsWith('/') && position === names.length - 1) {
			return {outcome: {kind: 'internal-redirect', uri: name, directive: index, reason: 'index'}, mappedPath, skipped};
		}

		const candidate = mappedPath + name;
		tried.push(candidate);
		const walk = await walkPath(candidate, io, user, symlinks, true);
		if (walk.problem?.kind === 'cannot-check') {
			return {outcome: cannotCheck(walk.problem.path), mappedPath, skipped};
		}

		if (walk.problem === undefined) {
			return {outcome: {kind: 'internal-redirect', uri: uri + name, directive: index, reason: 'index'}, mappedPath, skipped};
		}

		// A missing index file (or one behind a symlinked folder, ENOTDIR) lets nginx try the next one.
		const tolerable = walk.problem.kind === 'missing' || walk.problem.kind === 'not-directory'
			|| (walk.problem.kind === 'symlink' && !walk.problem.final && walk.problem.policy === 'on');
		if (!tolerable) {
			return {outcome: {kind: 'path-problem', path: candidate, problem: walk.problem, stage: 'index'}, mappedPath, skipped};
		}
	}

	const folder = await walkPath(mappedPath, io, user, symlinks, false);
	if (folder.problem?.kind === 'cannot-check') {
		return {outcome: cannotCheck(folder.problem.path), mappedPath, skipped};
	}

	if (folder.problem) {
		return {outcome: {kind: 'path-problem', path: mappedPath, problem: folder.problem, stage: 'directory'}, mappedPath, skipped};
	}

	const autoindex = inheritedDirective(context, 'autoindex');
	if (autoindex?.args[0]?.toLowerCase() === 'on') {
		return {outcome: {kind: 'listing', path: mappedPath, autoindex}, mappedPath, skipped};
	}

	return {outcome: {kind: 'directory-index-missing', path: mappedPath, index, autoindex, tried}, mappedPath, skipped};
}

function cannotCheck(path: string): ContentOutcome {
	return {kind: 'unknown', reason: `cannot look at ${path} from this account; run the check as root to judge the files`};
}
