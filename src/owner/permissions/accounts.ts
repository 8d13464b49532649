/** One line of /etc/passwd (the fields the checks use). */
export type PasswdEntry = {readonly name: string; readonly uid: number; readonly gid: number};

/** One line of /etc/group. */
export type GroupEntry = {readonly name: string; readonly gid: number; readonly members: readonly string[]};

/** User and group tables, looked up both ways. */
export type Accounts = {
	readonly users: readonly PasswdEntry[];
	readonly groups: readonly GroupEntry[];
};

function toId(text: string | undefined): number | undefined {
	if (text === undefined || !/^\d{1,10}$/.test(text)) {
		return undefined;
	}

	return Number(text);
}

/** Parses passwd(5) text; malformed lines and NIS `+`/`-` lines are skipped. */
export function parsePasswd(text: string): PasswdEntry[] {
	const entries: PasswdEntry[] = [];
	for (const line of text.split('\n')) {
		const [name, , uidText, gidText] = line.split(':');
		const uid = toId(uidText);
		const gid = toId(gidText);
		if (name && !/^[+-]/.test(name) && uid !== undefined && gid !== undefined) {
			entries.push({name, uid, gid});
		}
	}

	return entries;
}

/** Parses group(5) text: `name:x:gid:member,member`. */
export function parseGroup(text: string): GroupEntry[] {
	const entries: GroupEntry[] = [];
	for (const line of text.split('\n')) {
		const [name, , gidText, memberText = ''] = line.split(':');
		const gid = toId(gidText);
		if (name && !/^[+-]/.test(name) && gid !== undefined) {
			const members = memberText.trim() === '' ? [] : memberText.trim().split(',').map(member => member.trim());
			entries.push({name, gid, members});
		}
	}

	return entries;
}

/** User name for a uid, or the number itself (as `ls` prints unknown owners). */
export function userName(accounts: Accounts, uid: number): string {
	return accounts.users.find(user => user.uid === uid)?.name ?? String(uid);
}

/** Group name for a gid, or the number itself. */
export function groupName(accounts: Accounts, gid: number): string {
	return accounts.groups.find(group => group.gid === gid)?.name ?? String(gid);
}

/** Resolves a user given by name or by numeric id. */
export function findUser(accounts: Accounts, user: string): PasswdEntry | undefined {
	return accounts.users.find(entry => entry.name === user)
		?? (/^\d+$/.test(user) ? accounts.users.find(entry => entry.uid === Number(user)) : undefined);
}

/** Primary group plus every group listing the user as a member, as `id -G` prints them. */
export function groupsOf(accounts: Accounts, user: PasswdEntry): number[] {
	const ids = new Set<number>([user.gid]);
	for (const group of accounts.groups) {
		if (group.members.includes(user.name)) {
			ids.add(group.gid);
		}
	}

	return [...ids];
}
