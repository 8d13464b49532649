import {tripletText} from './mode.js';
import type {WalkEntry, WebIdentity} from './types.js';

const verbs = {r: 'read', x: 'search (x)', none: 'use'} as const;

/** Why the web user lacks the needed bit on a component, in the words of the entry that decided. */
export function denialReason(entry: WalkEntry, who: WebIdentity): string {
	const access = entry.access;
	const need = entry.need === 'none' ? 'r' : entry.need;
	const mask = entry.acl?.mask;
	switch (access?.via) {
		case 'owner': {
			return `${who.name} owns it but the owner bits lack ${need}`;
		}

		case 'acl-user': {
			return access.maskDenied && mask !== undefined
				? `the ACL entry user:${who.name} grants ${need} but the ACL mask (${tripletText(mask)}) removes it`
				: `the ACL entry user:${who.name} lacks ${need}`;
		}

		case 'group':
		case 'acl-group': {
			const group = entry.group ?? String(entry.gid);
			return access.maskDenied && mask !== undefined
				? `a group ACL entry grants ${need} but the ACL mask (${tripletText(mask)}) removes it`
				: `${who.name} is in its group ${group}, which lacks ${need} (a matching group never falls back to "other")`;
		}

		default: {
			return `${who.name} is neither its owner (${entry.owner ?? '?'}) nor in its group (${entry.group ?? '?'}), and "other" lacks ${need}`;
		}
	}
}

/** `www-data cannot search (x) the folder /srv/www (drwx------ root:root): …` */
export function denialSentence(entry: WalkEntry, who: WebIdentity): string {
	const what = entry.kind === 'dir' ? 'folder' : 'file';
	const mode = `${entry.symbolic ?? '?'} ${entry.owner ?? '?'}:${entry.group ?? '?'}`;
	return `${who.name} cannot ${verbs[entry.need]} the ${what} ${entry.path} (${mode}): ${denialReason(entry, who)}.`;
}
