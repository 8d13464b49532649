import path from 'node:path';
import {userName} from './accounts.js';
import {type DescribeContext, describeEntry} from './describe-entry.js';
import {loadAccounts, resolveIdentity} from './identity.js';
import type {IndexCheck, PermissionsIo, SymlinkOwnership, WalkEntry, WalkOutcome, WalkResult} from './types.js';

/** Options of `walkPermissions`. */
export type WalkOptions = {
	/** The web server's user (name or uid); see `resolveWebUser` when the user did not say. */
	readonly webUser: string;
	/** Index files tried in order for a folder request; default index.html, index.htm, index.php. */
	readonly indexFiles?: readonly string[];
};

export const defaultIndexFiles = ['index.html', 'index.htm', 'index.php'] as const;

// Linux gives up after 40 links (MAXSYMLINKS); the walk does the same instead of looping.
const maxSymlinks = 40;

type WalkState = DescribeContext & {
	readonly entries: WalkEntry[];
	readonly symlinks: SymlinkOwnership[];
	hops: number;
	stop?: 'missing' | 'uninspectable' | 'loop';
};

/** Last component's need is decided by what it turns out to be: read a file, search a folder. */
type LastNeed = 'x' | 'auto';

async function visit(state: WalkState, start: string, names: readonly string[], depth: number, lastNeed: LastNeed) {
	let current = start;
	for (const [position, name] of names.entries()) {
		if (name === '.' || name === '') {
			continue;
		}

		if (name === '..') {
			current = path.posix.dirname(current);
			continue;
		}

		const isLast = position === names.length - 1;
		const place = {path: path.posix.join(current, name), name, depth};
		const facts = await state.io.lstat(place.path);
		if ('error' in facts) {
			const missing = facts.error === 'ENOENT' || facts.error === 'ENOTDIR';
			state.entries.push({...place, kind: missing ? 'missing' : 'unknown', need: 'none', error: facts.error});
			state.stop = missing ? 'missing' : 'uninspectable';
			return undefined;
		}

		if (facts.kind === 'symlink') {
			const target = await state.io.readlink(place.path);
			state.entries.push({...await describeEntry(state, place, facts, 'none'), linkTarget: target});
			if (++state.hops > maxSymlinks) {
				state.stop = 'loop';
				return undefined;
			}

			if (target.startsWith('/')) {
				// The kernel restarts at the root for an absolute target; namei shows that `/` again.
				await pushRoot(state, depth + 1);
			}

			const real = await visit(
				state, target.startsWith('/') ? '/' : current, target.split('/'), depth + 1, isLast ? lastNeed : 'x');
			if (real === undefined) {
				return undefined;
			}

			const targetFacts = await state.io.lstat(real);
			const targetUid = 'error' in targetFacts ? -1 : targetFacts.uid;
			state.symlinks.push({
				link: place.path,
				target: real,
				linkOwner: userName(state.accounts, facts.uid),
				targetOwner: userName(state.accounts, targetUid),
				ownerMatch: facts.uid === targetUid,
			});
			current = real;
			continue;
		}

		const need = !isLast || lastNeed === 'x' || facts.kind === 'dir' ? 'x' : 'r';
		state.entries.push(await describeEntry(state, place, facts, need));
		current = place.path;
	}

	return current;
}

async function pushRoot(state: WalkState, depth: number): Promise<void> {
	const facts = await state.io.lstat('/');
	if (!('error' in facts)) {
		state.entries.push(await describeEntry(state, {path: '/', name: '/', depth}, facts, 'x'));
	}
}

async function checkIndex(state: WalkState, folder: string, candidates: readonly string[]): Promise<IndexCheck> {
	for (const name of candidates) {
		const candidate = path.posix.join(folder, name);
		if ('error' in await state.io.lstat(candidate)) {
			continue;
		}

		const before = state.entries.length;
		const real = await visit(state, folder, [name], 0, 'auto');
		const added = state.entries.slice(before);
		const readable = real !== undefined && added.every(entry => entry.access?.allowed !== false);
		return {candidates, found: {name, path: candidate, readable}};
	}

	return {candidates};
}

async function selinuxMode(io: PermissionsIo): Promise<WalkResult['selinux']> {
	if (!await io.exists('/sys/fs/selinux/enforce')) {
		return 'off';
	}

	return (await io.readText('/sys/fs/selinux/enforce'))?.trim() === '1' ? 'enforcing' : 'permissive';
}

/**
Walks every component from `/` down to `filePath` as `namei -l` does, following symbolic links into their
targets, and judges for each whether the web user may search it (folders) or read it (the file). A path
ending in `/`, or one that turns out to be a folder, is a folder request: its index files are checked too.
Components after the first blocked one are still walked, so every obstacle is reported at once.
*/
export async function walkPermissions(filePath: string, options: WalkOptions, io: PermissionsIo): Promise<WalkResult> {
	const accounts = await loadAccounts(io);
	const who = await resolveIdentity(options.webUser, io, accounts);
	const selinux = await selinuxMode(io);
	const absolute = path.posix.resolve(filePath);
	const state: WalkState = {io, who, accounts, aclTools: true, selinux: selinux !== 'off', entries: [], symlinks: [], hops: 0};
	await pushRoot(state, 0);
	const real = await visit(state, '/', absolute.split('/'), 0, filePath.endsWith('/') ? 'x' : 'auto');
	const last = state.entries.at(-1);
	const directory = filePath.endsWith('/') || (real !== undefined && last?.kind === 'dir');
	const index = real !== undefined && directory
		? await checkIndex(state, real, options.indexFiles ?? defaultIndexFiles)
		: undefined;
	const firstBlocked = state.entries.findIndex(entry => entry.access?.allowed === false);
	const outcome: WalkOutcome = state.stop
		?? (firstBlocked >= 0 ? 'blocked' : index && !index.found ? 'no-index' : 'readable');
	return {
		requested: filePath,
		webUser: who,
		directory,
		entries: state.entries,
		firstBlocked: firstBlocked >= 0 ? firstBlocked : undefined,
		outcome,
		symlinks: state.symlinks,
		index,
		aclInUse: state.entries.some(entry => entry.acl?.extended === true),
		selinux,
	};
}
