import type {Finding} from '../../evidence/types.js';
import {denialSentence} from './explain.js';
import {permissionFix} from './fix.js';
import {selinuxFindings} from './selinux-findings.js';
import {symlinkFindings} from './symlink-findings.js';
import type {WalkEntry, WalkResult} from './types.js';

function blockedFinding(result: WalkResult, entry: WalkEntry, first: boolean): Finding {
	const need = entry.need === 'r' ? 'r' : 'x';
	const fix = permissionFix(entry, need, result.webUser, result.aclInUse);
	const isIndex = result.index?.found?.path === entry.path;
	return {
		code: need === 'x' ? 'permissions.not-traversable' : 'permissions.not-readable',
		text: denialSentence(entry, result.webUser) + (isIndex ? ' It is the folder\'s index file.' : ''),
		supports: {'file-permissions': 0.9},
		fix: {owner: fix.steps},
		location: {file: entry.path},
		mark: 'fail',
		data: {
			path: entry.path, need, mode: entry.octal, owner: entry.owner, group: entry.group,
			via: entry.access?.via, maskDenied: entry.access?.maskDenied, strategy: fix.strategy,
			firstBlocking: first, index: isIndex, webUser: result.webUser.name,
		},
	};
}

function endFinding(result: WalkResult): Finding | undefined {
	const last = result.entries.at(-1);
	const file = last?.path ?? result.requested;
	switch (result.outcome) {
		case 'missing': {
			return {
				code: 'permissions.missing',
				text: `${file} does not exist, so the URL does not map to ${result.requested}; check the URL and the document root.`,
				supports: {'wrong-url': 0.35},
				location: {file},
				mark: 'fail',
				data: {path: file, requested: result.requested, error: last?.error},
			};
		}

		case 'uninspectable': {
			return {
				code: 'permissions.cannot-inspect',
				text: `fix403 could not look at ${file} (${last?.error ?? 'error'}); run it as root or as the site's owner to check further.`,
				location: {file},
				mark: 'warn',
				data: {path: file, error: last?.error},
			};
		}

		case 'loop': {
			return {
				code: 'permissions.symlink-loop',
				text: `Resolving ${result.requested} goes through more than 40 symbolic links (a loop); the server gets ELOOP and answers 403.`,
				supports: {'symlink-blocked': 0.5, 'wrong-url': 0.2},
				location: {file},
				mark: 'fail',
			};
		}

		case 'readable': {
			return {
				code: 'permissions.readable',
				text: result.index?.found
					? `${result.webUser.name} can search every folder down to ${result.requested} and read its index file ${result.index.found.name}.`
					: `${result.webUser.name} can search every folder down to ${result.requested} and read it.`,
				supports: {'file-permissions': -0.6},
				location: {file},
				mark: 'ok',
			};
		}

		default: {
			return undefined;
		}
	}
}

function indexFinding(result: WalkResult): Finding | undefined {
	const {index} = result;
	const folder = result.entries.filter(entry => entry.kind === 'dir').at(-1)?.path ?? result.requested;
	if (!index || result.outcome === 'missing') {
		return undefined;
	}

	if (index.found) {
		return {
			code: 'permissions.index-present',
			text: `The folder has an index file, ${index.found.path}.`,
			supports: {'directory-index-missing': -0.6},
			location: {file: index.found.path},
			mark: 'ok',
			data: {index: index.found.name, readable: index.found.readable},
		};
	}

	return {
		code: 'permissions.index-missing',
		text: `${folder} has none of ${index.candidates.join(', ')}; unless listings are on, the server answers 403 for it.`,
		supports: {'directory-index-missing': 0.6},
		fix: {owner: [
			`Add an index file to ${folder} (e.g. ${index.candidates[0] ?? 'index.html'}), or link to a page inside it.`,
			'Or, if a file listing is wanted, turn listings on: nginx `autoindex on;`, Apache `Options +Indexes`.',
		]},
		location: {file: folder},
		mark: 'fail',
		data: {candidates: index.candidates},
	};
}

/** The findings of one walk: every blocked component (first one flagged), the end state, index, symlinks, labels. */
export function walkFindings(result: WalkResult): Finding[] {
	const findings: Finding[] = [];
	for (const [position, entry] of result.entries.entries()) {
		if (entry.access?.allowed === false) {
			findings.push(blockedFinding(result, entry, position === result.firstBlocked));
		}
	}

	for (const finding of [endFinding(result), indexFinding(result)]) {
		if (finding) {
			findings.push(finding);
		}
	}

	findings.push(...symlinkFindings(result), ...selinuxFindings(result));
	return findings;
}
