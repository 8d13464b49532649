import {judgeAccess} from './access.js';
import {type Accounts, groupName, userName} from './accounts.js';
import {type Acl, parseGetfacl} from './acl.js';
import {octalMode, symbolicMode} from './mode.js';
import type {FileFacts, Need, PermissionsIo, WalkEntry, WebIdentity} from './types.js';

/** What describing a component needs besides its path; `aclTools` flips to false once getfacl is absent. */
export type DescribeContext = {
	readonly io: PermissionsIo;
	readonly who: WebIdentity;
	readonly accounts: Accounts;
	aclTools: boolean;
	readonly selinux: boolean;
};

async function readAcl(context: DescribeContext, path: string): Promise<Acl | undefined> {
	if (!context.aclTools) {
		return undefined;
	}

	const result = await context.io.run('getfacl', ['-a', '-c', '-n', '-E', '-p', '--', path]);
	if (result === undefined) {
		context.aclTools = false;
		return undefined;
	}

	// Exit status 1 with "Operation not supported" on file systems without ACLs: no ACL, nothing to add.
	return result.code === 0 ? parseGetfacl(result.stdout) : undefined;
}

async function readSelinux(context: DescribeContext, path: string): Promise<string | undefined> {
	if (!context.selinux) {
		return undefined;
	}

	const result = await context.io.run('stat', ['-c', '%C', '--', path]);
	const label = result?.code === 0 ? result.stdout.trim() : '';
	return label === '' || label === '?' ? undefined : label;
}

/** One walk line for a component that exists: owner, mode, ACL, label, and the web user's verdict. */
export async function describeEntry(
	context: DescribeContext,
	place: {path: string; name: string; depth: number},
	facts: FileFacts,
	need: Need,
): Promise<WalkEntry> {
	const isLink = facts.kind === 'symlink';
	const [acl, selinux] = isLink
		? [undefined, undefined]
		: await Promise.all([readAcl(context, place.path), readSelinux(context, place.path)]);
	const extendedAcl = acl?.extended ? acl : undefined;
	return {
		...place,
		kind: facts.kind,
		need,
		uid: facts.uid,
		gid: facts.gid,
		owner: userName(context.accounts, facts.uid),
		group: groupName(context.accounts, facts.gid),
		mode: facts.mode,
		octal: octalMode(facts.mode),
		symbolic: symbolicMode(facts.kind, facts.mode) + (extendedAcl ? '+' : ''),
		acl: extendedAcl,
		selinux,
		access: need === 'none' ? undefined : judgeAccess(context.who, facts, acl, need, context.accounts),
	};
}
