import path from 'node:path';
import {isFileStat, type FileStat, type NginxIo, type UserInfo} from './io.js';

/** How `disable_symlinks` is set in the handling context. */
export type SymlinkPolicy = {readonly mode: 'off' | 'on' | 'if_not_owner'; readonly from?: string};

/** The first thing on a path that stops the server's user, in the order nginx meets it while opening. */
export type PathProblem =
	| {readonly kind: 'not-traversable'; readonly path: string; readonly stat: FileStat}
	| {readonly kind: 'not-readable'; readonly path: string; readonly stat: FileStat}
	| {readonly kind: 'symlink'; readonly path: string; readonly final: boolean; readonly policy: SymlinkPolicy['mode']}
	| {readonly kind: 'missing'; readonly path: string}
	| {readonly kind: 'not-directory'; readonly path: string}
	/** The analysing account itself may not look there (run as root for a full answer). */
	| {readonly kind: 'cannot-check'; readonly path: string};

export type PathWalk = {
	/** The path's own stat (following links), when it exists. */
	readonly target?: FileStat;
	readonly problem?: PathProblem;
};

/** Whether `user` has permission bit `bit` (4 read, 1 search) on a file, by owner, then group, then others. */
export function modeAllows(stat: FileStat, user: UserInfo, bit: 4 | 1): boolean {
	if (user.uid === 0) {
		return true;
	}

	const shift = stat.uid === user.uid ? 6 : user.groups.includes(stat.gid) ? 3 : 0;
	return ((stat.mode >> shift) & bit) !== 0;
}

/**
Walks a path from `/` the way a worker running as `user` opens it: each folder needs search permission,
`disable_symlinks` refuses links after its `from=` part, the file itself needs read permission when
`readFile`. Stats run as the analysing user, so run this as root (or the owner) for a full answer.
*/
export async function walkPath(
	fullPath: string,
	io: NginxIo,
	user: UserInfo | undefined,
	symlinks: SymlinkPolicy,
	readFile: boolean,
): Promise<PathWalk> {
	const parts = fullPath.split('/').filter(part => part !== '');
	const from = symlinks.from?.replace(/\/$/, '');
	const checkFrom = from !== undefined && (fullPath === from || fullPath.startsWith(`${from}/`)) ? from : '';
	let current = '/';
	for (const [index, part] of parts.entries()) {
		const folder = await io.stat(current);
		if (isFileStat(folder) && user !== undefined && !modeAllows(folder, user, 1)) {
			return {problem: {kind: 'not-traversable', path: current, stat: folder}};
		}

		const next = path.join(current, part);
		const final = index === parts.length - 1;
		if (symlinks.mode !== 'off' && next.length > checkFrom.length && checkFrom !== fullPath) {
			const link = await io.lstat(next);
			if (isFileStat(link) && link.kind === 'symlink') {
				const target = await io.stat(next);
				const refused = symlinks.mode === 'on' || !isFileStat(target) || target.uid !== link.uid;
				if (refused) {
					return {problem: {kind: 'symlink', path: next, final, policy: symlinks.mode}};
				}
			}
		}

		const stat = await io.stat(next);
		if (!isFileStat(stat)) {
			return {problem: stat.error === 'ENOTDIR' ? {kind: 'not-directory', path: next} : stat.error === 'EACCES' ? {kind: 'cannot-check', path: next} : {kind: 'missing', path: next}};
		}

		if (!final && stat.kind !== 'directory') {
			return {problem: {kind: 'not-directory', path: next}};
		}

		current = next;
	}

	const target = await io.stat(fullPath);
	if (!isFileStat(target)) {
		return {problem: {kind: 'missing', path: fullPath}};
	}

	if (readFile && user !== undefined && target.kind === 'file' && !modeAllows(target, user, 4)) {
		return {target, problem: {kind: 'not-readable', path: fullPath, stat: target}};
	}

	return {target};
}
