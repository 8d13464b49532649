import path from 'node:path';
import type {Finding} from '../../evidence/types.js';
import type {DirConf} from './dir-conf.js';
import {refusal, reloadStep, weight, where} from './finding-kit.js';
import type {PathStep} from './path-walk.js';
import type {OptionsState} from './options.js';

/** A symbolic link on the path that httpd will not follow (AH00037). */
export function symlinkFinding(step: PathStep, options: OptionsState, reason: 'not-allowed' | 'owner-mismatch' | 'target-missing'): Finding {
	const at = options.decidedBy.get(options.on.has('SymLinksIfOwnerMatch') ? 'SymLinksIfOwnerMatch' : 'FollowSymLinks');
	const parent = path.dirname(step.path);
	const texts = {
		'not-allowed': `${step.path} is a symbolic link and Options for ${parent} has neither FollowSymLinks nor SymLinksIfOwnerMatch${at ? ` (set at ${where(at)})` : ''}, so Apache refuses it (AH00037).`,
		'owner-mismatch': `${step.path} is a symbolic link owned by uid ${step.entry.uid} to a target owned by uid ${step.target?.uid ?? '?'}; with SymLinksIfOwnerMatch${at ? ` (${where(at)})` : ''} Apache refuses it (AH00037).`,
		'target-missing': `${step.path} is a symbolic link whose target does not exist or cannot be reached, so Apache refuses it (AH00037).`,
	};
	const fixes = {
		'not-allowed': [`Add "Options +FollowSymLinks" (or +SymLinksIfOwnerMatch) for ${parent}${at ? ` at ${where(at)}` : ''}, or replace the link ${step.path} with the real file or folder.`, reloadStep],
		'owner-mismatch': [`Give the link the target's owner: chown -h ${step.target?.uid ?? 'OWNER'}:${step.target?.gid ?? 'GROUP'} ${step.path}`, `Or use "Options +FollowSymLinks" instead of SymLinksIfOwnerMatch${at ? ` at ${where(at)}` : ''} if any link there may be followed.`],
		'target-missing': [`Fix the link: ls -l ${step.path} shows where it points; create the target or re-point the link (ln -sfn TARGET ${step.path}).`],
	};
	return refusal({
		code: 'apache.symlink-not-followed', text: texts[reason], cause: 'symlink-blocked',
		weight: weight(true, false), at, ahCode: 'AH00037', fix: fixes[reason],
		data: {link: step.path, reason, linkUid: step.entry.uid, targetUid: step.target?.uid},
	});
}

/** A folder requested with a trailing slash, no DirectoryIndex file, and Options without Indexes (AH01276). */
export function directoryIndexFinding(folder: string, conf: DirConf, decisive: boolean): Finding | undefined {
	if (conf.options.on.has('Indexes')) {
		return undefined;
	}

	const at = conf.options.decidedBy.get('Indexes');
	const names = conf.directoryIndex.names;
	const wanted = names.length > 0 ? names.join(', ') : 'none (DirectoryIndex disabled)';
	return refusal({
		code: 'apache.directory-index-missing',
		text: `${folder} has no DirectoryIndex file (${wanted}) and Options does not include Indexes${at ? ` (${where(at)})` : ''}, so Apache refuses to list it (AH01276).`,
		cause: 'directory-index-missing', weight: weight(decisive, false), at: at ?? conf.directoryIndex.at, ahCode: 'AH01276',
		data: {folder, directoryIndex: names},
		fix: [
			`Add an index file, e.g. ${path.join(folder, names[0] ?? 'index.html')}, or point DirectoryIndex at an existing file.`,
			`Or allow listings with "Options +Indexes" for ${folder}${at ? ` (replacing the line at ${where(at)})` : ''}, then reload Apache.`,
		],
	});
}
