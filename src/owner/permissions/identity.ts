import {type Accounts, findUser, groupName, groupsOf, parseGroup, parsePasswd} from './accounts.js';
import type {PermissionsIo, WebIdentity} from './types.js';

/** The web user named on the command line (or guessed) does not exist on this machine. */
export class UnknownWebUserError extends Error {
	readonly code = 'EUNKNOWNUSER';
	override readonly name = 'UnknownWebUserError';
	readonly user: string;
	constructor(user: string) {
		super(`web-server user "${user}" does not exist on this machine (not in /etc/passwd, unknown to id)`);
		this.user = user;
	}
}

/** Reads /etc/passwd and /etc/group through the io; empty tables when unreadable. */
export async function loadAccounts(io: PermissionsIo): Promise<Accounts> {
	const [passwd, group] = await Promise.all([io.readText('/etc/passwd'), io.readText('/etc/group')]);
	return {users: parsePasswd(passwd ?? ''), groups: parseGroup(group ?? '')};
}

function idNumbers(text: string | undefined): number[] | undefined {
	const fields = text?.trim().split(/\s+/) ?? [];
	if (fields.length === 0 || fields.some(field => !/^\d+$/.test(field))) {
		return undefined;
	}

	return fields.map(Number);
}

/**
Resolves the web user with its primary and supplementary groups. /etc/passwd and /etc/group come first;
users from LDAP/SSSD are not there, so `id -u`, `id -g`, `id -G` are the fallback.
*/
export async function resolveIdentity(user: string, io: PermissionsIo, accounts: Accounts): Promise<WebIdentity> {
	const entry = findUser(accounts, user);
	if (entry) {
		return {
			name: entry.name,
			uid: entry.uid,
			gid: entry.gid,
			groups: groupsOf(accounts, entry),
			groupName: groupName(accounts, entry.gid),
		};
	}

	const [uid, gid, groups] = await Promise.all(['-u', '-g', '-G'].map(async flag => {
		const result = await io.run('id', [flag, '--', user]);
		return result?.code === 0 ? idNumbers(result.stdout) : undefined;
	}));
	const uidValue = uid?.[0];
	const gidValue = gid?.[0];
	if (uidValue === undefined || gidValue === undefined) {
		throw new UnknownWebUserError(user);
	}

	return {name: user, uid: uidValue, gid: gidValue, groups: groups ?? [gidValue], groupName: groupName(accounts, gidValue)};
}
