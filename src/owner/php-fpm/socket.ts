import {judgeAccess} from '../permissions/access.js';
import {type Accounts, findUser, groupName, userName} from '../permissions/accounts.js';
import type {Acl, AclEntry} from '../permissions/acl.js';
import type {AccessVerdict, FileFacts, WebIdentity} from '../permissions/types.js';
import {type FpmPool, poolValue} from './pool.js';

/** Where a pool listens: a TCP address (no file permissions involved) or a unix socket path. */
export type ListenAddress = {readonly kind: 'tcp'; readonly address: string} | {readonly kind: 'unix'; readonly path: string};

/** `127.0.0.1:9000`, `[::1]:9000`, `9000` are TCP (php-fpm.conf(5) `listen`); anything else is a socket path. */
export function parseListen(value: string): ListenAddress {
	const text = value.trim();
	if (/^\d+$/.test(text) || /^\[[^\]]*\]:\d+$/.test(text) || /^[\w.-]+:\d+$/.test(text)) {
		return {kind: 'tcp', address: text};
	}

	return {kind: 'unix', path: text};
}

/** The socket as the pool config would create it: owner, group, mode and ACL entries. */
export type SocketSpec = {readonly facts: FileFacts; readonly acl?: Acl; readonly owner: string; readonly group: string};

function idOf(accounts: Accounts, name: string, kind: 'user' | 'group'): number | undefined {
	if (/^\d+$/.test(name)) {
		return Number(name);
	}

	return kind === 'user' ? findUser(accounts, name)?.uid : accounts.groups.find(group => group.name === name)?.gid;
}

function list(value: string | undefined): string[] {
	return (value ?? '').split(',').map(each => each.trim()).filter(Boolean);
}

/**
What the pool's `listen.*` directives make of the socket. Defaults from www.conf: owner = the master's user
(root under systemd), group = the owner's group, mode 0660; with `listen.acl_users`/`listen.acl_groups`
set, owner and group are ignored and the listed users and groups get rw through an ACL.
*/
export function socketSpec(pool: FpmPool, accounts: Accounts, masterUser = 'root'): SocketSpec {
	const aclUsers = list(poolValue(pool, 'listen.acl_users')?.value);
	const aclGroups = list(poolValue(pool, 'listen.acl_groups')?.value);
	const useAcl = aclUsers.length > 0 || aclGroups.length > 0;
	const ownerName = useAcl ? masterUser : poolValue(pool, 'listen.owner')?.value ?? masterUser;
	const uid = idOf(accounts, ownerName, 'user') ?? -1;
	const ownerGid = findUser(accounts, ownerName)?.gid ?? -1;
	const groupText = useAcl ? undefined : poolValue(pool, 'listen.group')?.value;
	const gid = groupText === undefined ? ownerGid : idOf(accounts, groupText, 'group') ?? -1;
	const modeText = poolValue(pool, 'listen.mode')?.value ?? '0660';
	const mode = /^[0-7]{3,4}$/.test(modeText) ? Number.parseInt(modeText, 8) : 0o660;
	const facts: FileFacts = {kind: 'other', uid, gid, mode};
	if (!useAcl) {
		return {facts, owner: userName(accounts, uid), group: groupName(accounts, gid)};
	}

	const entries: AclEntry[] = [
		{tag: 'user', qualifier: '', perms: (mode >> 6) & 7},
		...aclUsers.map(user => ({tag: 'user' as const, qualifier: user, perms: 6})),
		{tag: 'group', qualifier: '', perms: (mode >> 3) & 7},
		...aclGroups.map(group => ({tag: 'group' as const, qualifier: group, perms: 6})),
		{tag: 'mask', qualifier: '', perms: 6},
		{tag: 'other', qualifier: '', perms: mode & 7},
	];
	return {facts, acl: {entries, mask: 6, extended: true}, owner: userName(accounts, uid), group: groupName(accounts, gid)};
}

/** Connecting to a unix socket needs write permission on it. */
export function canConnect(who: WebIdentity, spec: SocketSpec, accounts: Accounts): AccessVerdict {
	return judgeAccess(who, spec.facts, spec.acl, 'w', accounts);
}
