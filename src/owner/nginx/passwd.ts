import type {UserInfo} from './io.js';

/**
Finds a user in `/etc/passwd` and `/etc/group` texts (name:x:uid:gid:…, name:x:gid:member,member).
Pure, so lookups are testable without touching the machine's account database.
*/
export function findUser(name: string, passwd: string, group: string): UserInfo | undefined {
	const entry = passwd.split('\n').map(line => line.split(':')).find(fields => fields[0] === name);
	const uid = Number(entry?.[2]);
	const gid = Number(entry?.[3]);
	if (entry === undefined || !Number.isInteger(uid) || !Number.isInteger(gid)) {
		return undefined;
	}

	const groups = new Set([gid]);
	for (const line of group.split('\n')) {
		const [, , id, members = ''] = line.split(':');
		if (members.split(',').map(member => member.trim()).includes(name) && Number.isInteger(Number(id))) {
			groups.add(Number(id));
		}
	}

	return {name, uid, gid, groups: [...groups]};
}

/** The name of a group id, for fix texts (`chgrp www-data …`). */
export function groupName(gid: number, group: string): string | undefined {
	return group.split('\n').map(line => line.split(':')).find(fields => Number(fields[2]) === gid)?.[0];
}
