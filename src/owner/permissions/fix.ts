import {permissionBit, tripletText} from './mode.js';
import {shellQuote} from './shell-quote.js';
import type {WalkEntry, WebIdentity} from './types.js';

/** How a fix grants the missing permission; the least broad option that fits is chosen. */
export type FixStrategy = 'owner-bit' | 'acl-mask' | 'acl-user' | 'group-bit' | 'chgrp' | 'other-bit';

/** The steps for role `owner`: shell commands first, then at most one plain-language caveat. */
export type PermissionFix = {readonly strategy: FixStrategy; readonly steps: readonly string[]};

/**
The least-privilege change that lets `who` get `need` on one blocked component. Never grants write,
never touches more than the one path, never 777:
- the web user owns it → `chmod u+…`;
- ACLs are in use here → `setfacl` (the mask when the mask is what denies);
- the web user is in the owning group → `chmod g+…`;
- a folder → `chmod o+x` (search only: names must be known, nothing can be listed);
- a file nobody else may read (no "other" bits) → hand it to the web user's group, `chgrp … && chmod g+r`;
- otherwise → `chmod o+r`.
*/
export function permissionFix(entry: WalkEntry, need: 'r' | 'x', who: WebIdentity, aclInUse: boolean): PermissionFix {
	const path = shellQuote(entry.path);
	const mode = entry.mode ?? 0;
	const access = entry.access;
	if (access?.via === 'owner') {
		return {strategy: 'owner-bit', steps: [`chmod u+${need} ${path}`]};
	}

	if (access?.maskDenied && entry.acl?.mask !== undefined) {
		const mask = tripletText(entry.acl.mask | permissionBit(need));
		return {strategy: 'acl-mask', steps: [`setfacl -m m::${mask} ${path}`]};
	}

	if (aclInUse || entry.acl?.extended) {
		// setfacl recomputes the mask to cover the new entry unless told otherwise (-n).
		return {strategy: 'acl-user', steps: [`setfacl -m u:${shellQuote(who.name)}:${need} ${path}`]};
	}

	if (access?.via === 'group') {
		return {strategy: 'group-bit', steps: [`chmod g+${need} ${path}`]};
	}

	if (entry.kind === 'dir' || need === 'x') {
		return {strategy: 'other-bit', steps: [`chmod o+x ${path}`]};
	}

	if ((mode & 0o7) === 0) {
		const steps = [`chgrp ${shellQuote(who.groupName)} ${path} && chmod g+r ${path}`];
		if (((mode >> 3) & 7) !== 0 && entry.group !== undefined) {
			steps.push(`This takes the file from group ${entry.group}; if its members must keep access, use instead: `
				+ `setfacl -m u:${shellQuote(who.name)}:r ${path}`);
		}

		return {strategy: 'chgrp', steps};
	}

	return {strategy: 'other-bit', steps: [`chmod o+r ${path}`]};
}
