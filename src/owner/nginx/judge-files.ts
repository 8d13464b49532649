import type {Finding} from '../../evidence/types.js';
import type {ContentOutcome} from './content-phase.js';
import {quote, nginxFinding, reloadStep, weight} from './findings.js';
import type {FileStat, UserInfo} from './io.js';
import type {PathProblem} from './path-walk.js';
import type {Directive} from './types.js';

export type FileFacts = {
	/** The worker user; undefined when it could not be looked up (permission checks were skipped). */
	readonly user: UserInfo | undefined;
	readonly group: string;
	readonly disableSymlinks?: Directive;
	/** `open()` or `openat()` (nginx logs the latter when `disable_symlinks` is on). */
	readonly openCall: 'open' | 'openat';
};

/** Findings for what the content phase met on disk: missing index, permissions, refused symlinks. */
export function judgeContent(outcome: ContentOutcome, facts: FileFacts): Finding[] {
	switch (outcome.kind) {
		case 'directory-index-missing': {
			return [indexFinding(outcome)];
		}

		case 'path-problem': {
			const finding = problemFinding(outcome.problem, outcome.path, outcome.stage, facts);
			return finding === undefined ? [] : [finding];
		}

		case 'status': {
			return outcome.code === 403
				? [nginxFinding({
					code: 'nginx.try-files-403',
					text: `None of the files in ${quote(outcome.directive)} exists for this URL, and its last parameter answers 403.`,
					cause: 'wrong-url',
					weight: 0.6,
					directive: outcome.directive,
					fix: ['Check the URL (spelling, case, trailing slash) against the files on disk.', `If missing files should answer 404, end ${quote(outcome.directive)} with \`=404\`.`, reloadStep],
				})]
				: [];
		}

		default: {
			return [];
		}
	}
}

function indexFinding(outcome: Extract<ContentOutcome, {kind: 'directory-index-missing'}>): Finding {
	const names = outcome.index?.args.join(', ') ?? 'index.html (the default)';
	const autoindex = outcome.autoindex === undefined ? 'autoindex is off (the default)' : `${quote(outcome.autoindex)}`;
	return nginxFinding({
		code: 'nginx.directory-index-missing',
		text: `The folder ${outcome.path} has no index file (${names}) and ${autoindex}, so nginx refuses to list it.`,
		cause: 'directory-index-missing',
		weight: weight.certain,
		path: outcome.path,
		fix: [
			`Add an index file, e.g. ${outcome.tried[0] ?? `${outcome.path}index.html`}, or link to a file inside the folder instead of the folder.`,
			outcome.index === undefined
				? 'Or name the file that is there with `index <name>;` in this location.'
				: `Or name the file that is there in ${quote(outcome.index)}.`,
			'Only if a file listing is wanted: `autoindex on;` in this location.',
			reloadStep,
		],
		data: {
			expectedErrorLog: `directory index of "${outcome.path}" is forbidden`,
			...(outcome.index === undefined ? {} : {indexAt: `${outcome.index.file}:${outcome.index.line}`}),
			tried: outcome.tried,
		},
	});
}

function problemFinding(problem: PathProblem, path: string, stage: 'file' | 'index' | 'directory', facts: FileFacts): Finding | undefined {
	const who = facts.user?.name ?? 'the server user';
	const failed = stage === 'index'
		? `"${path}" is forbidden (13: Permission denied)`
		: `${facts.openCall}() "${path}" failed (13: Permission denied)`;
	switch (problem.kind) {
		case 'not-traversable': {
			return nginxFinding({
				code: 'nginx.folder-not-traversable',
				text: `${who} cannot enter ${problem.path} (${describe(problem.stat, facts.user)}), which is on the way to ${path}.`,
				cause: 'file-permissions',
				weight: weight.certain,
				path: problem.path,
				fix: [`\`chmod o+x ${problem.path}\` (search permission only), or \`chgrp ${facts.group} ${problem.path} && chmod g+x ${problem.path}\`.`],
				data: {expectedErrorLog: failed, user: who, mode: octal(problem.stat.mode), target: path},
			});
		}

		case 'not-readable': {
			return nginxFinding({
				code: 'nginx.file-not-readable',
				text: `${who} cannot read ${problem.path} (${describe(problem.stat, facts.user)}).`,
				cause: 'file-permissions',
				weight: weight.certain,
				path: problem.path,
				fix: [`\`chmod o+r ${problem.path}\`, or \`chgrp ${facts.group} ${problem.path} && chmod g+r ${problem.path}\` to keep it private to the server.`],
				data: {expectedErrorLog: failed, user: who, mode: octal(problem.stat.mode)},
			});
		}

		case 'symlink': {
			return symlinkFinding(problem, path, facts);
		}

		default: {
			return undefined;
		}
	}
}

function symlinkFinding(problem: Extract<PathProblem, {kind: 'symlink'}>, path: string, facts: FileFacts): Finding {
	const rule = facts.disableSymlinks === undefined ? '`disable_symlinks`' : quote(facts.disableSymlinks);
	// Measured with nginx 1.22 on Linux: with `on`, a symlinked folder in the middle fails with ENOTDIR → 404.
	const answers404 = problem.policy === 'on' && !problem.final;
	const owner = problem.policy === 'if_not_owner' ? ' and is owned by someone other than its target' : '';
	return nginxFinding({
		code: 'nginx.symlink-blocked',
		text: answers404
			? `${problem.path} is a symbolic link to a folder and ${rule} refuses it; nginx on Linux answers 404 for that, not 403.`
			: `${problem.path} is a symbolic link${owner}, and ${rule} refuses to follow it.`,
		cause: 'symlink-blocked',
		weight: answers404 ? weight.unlikely : weight.certain,
		path: problem.path,
		fix: [
			`Replace the link ${problem.path} with the real ${problem.final ? 'file' : 'folder'}, or point the location's \`root\`/\`alias\` at the target.`,
			problem.policy === 'on'
				? `Or relax ${rule}: \`disable_symlinks if_not_owner;\` (link and target owned by the same user) or \`disable_symlinks on from=$document_root;\`.`
				: `Or give the link the same owner as its target (\`chown -h\`), or relax ${rule}.`,
			reloadStep,
		],
		data: {
			expectedErrorLog: answers404
				? `openat() "${path}" failed (20: Not a directory)`
				: `openat() "${path}" failed (40: Too many levels of symbolic links)`,
			policy: problem.policy,
		},
	});
}

function describe(stat: FileStat, user: UserInfo | undefined): string {
	const owner = user !== undefined && stat.uid === user.uid ? user.name : `uid ${stat.uid}`;
	return `mode ${octal(stat.mode)}, owner ${owner}, group gid ${stat.gid}`;
}

function octal(mode: number): string {
	return (mode & 0o7777).toString(8).padStart(3, '0');
}
