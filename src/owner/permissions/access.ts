import type {Accounts} from './accounts.js';
import type {Acl, AclEntry} from './acl.js';
import {permissionBit} from './mode.js';
import type {AccessVerdict, FileFacts, WebIdentity} from './types.js';

function qualifierId(qualifier: string, table: ReadonlyArray<{name: string; id: number}>): number | undefined {
	if (/^\d+$/.test(qualifier)) {
		return Number(qualifier);
	}

	return table.find(entry => entry.name === qualifier)?.id;
}

/**
Decides whether `who` has permission `need` on a file, following the kernel's order (acl(5), "ACCESS
CHECK ALGORITHM"): root, then owner, then a named-user ACL entry (masked), then every matching group entry
(owning group and named groups, masked) — a matching group that lacks the bit denies, it does not fall
through to "other" — and only then "other".
*/
export function judgeAccess(
	who: WebIdentity,
	facts: FileFacts,
	acl: Acl | undefined,
	need: 'r' | 'w' | 'x',
	accounts: Accounts = {users: [], groups: []},
): AccessVerdict {
	const bit = permissionBit(need);
	if (who.uid === 0) {
		// Root reads and searches anything; it executes a file only if some x bit is set.
		const allowed = need !== 'x' || facts.kind === 'dir' || (facts.mode & 0o111) !== 0;
		return {allowed, via: 'root', maskDenied: false};
	}

	if (who.uid === facts.uid) {
		return {allowed: ((facts.mode >> 6) & bit) !== 0, via: 'owner', maskDenied: false};
	}

	const extended = acl?.extended === true ? acl : undefined;
	const mask = extended?.mask ?? 7;
	const users = accounts.users.map(user => ({name: user.name, id: user.uid}));
	const groups = accounts.groups.map(group => ({name: group.name, id: group.gid}));

	const named = extended?.entries.find(entry => entry.tag === 'user' && entry.qualifier !== ''
		&& qualifierId(entry.qualifier, users) === who.uid);
	if (named) {
		return maskedVerdict(named, mask, bit, 'acl-user');
	}

	const groupEntries: Array<{perms: number; named: boolean}> = [];
	if (who.groups.includes(facts.gid)) {
		const owning = extended?.entries.find(entry => entry.tag === 'group' && entry.qualifier === '');
		// Without an extended ACL the mode's group bits are the owning group's permissions.
		groupEntries.push({perms: owning?.perms ?? (facts.mode >> 3) & 7, named: false});
	}

	for (const entry of extended?.entries ?? []) {
		if (entry.tag === 'group' && entry.qualifier !== '') {
			const gid = qualifierId(entry.qualifier, groups);
			if (gid !== undefined && who.groups.includes(gid)) {
				groupEntries.push({perms: entry.perms, named: true});
			}
		}
	}

	if (groupEntries.length > 0) {
		const effectiveMask = extended ? mask : 7;
		const allowed = groupEntries.some(entry => (entry.perms & effectiveMask & bit) !== 0);
		const maskDenied = !allowed && groupEntries.some(entry => (entry.perms & bit) !== 0);
		const via = groupEntries.some(entry => entry.named) ? 'acl-group' : 'group';
		return {allowed, via, maskDenied};
	}

	return {allowed: (facts.mode & bit) !== 0, via: 'other', maskDenied: false};
}

function maskedVerdict(entry: AclEntry, mask: number, bit: number, via: AccessVerdict['via']): AccessVerdict {
	const allowed = (entry.perms & mask & bit) !== 0;
	return {allowed, via, maskDenied: !allowed && (entry.perms & bit) !== 0};
}
