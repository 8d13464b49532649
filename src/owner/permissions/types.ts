import type {Acl} from './acl.js';

/** What `lstat` saw at one path. Permission bits only (`mode & 0o7777`); the kind is separate. */
export type FileFacts = {
	readonly kind: 'dir' | 'file' | 'symlink' | 'other';
	readonly uid: number;
	readonly gid: number;
	readonly mode: number;
};

/** Why a path could not be looked at: the errno code (`ENOENT`, `ENOTDIR`, `EACCES`, `ELOOP`…). */
export type StatFailure = {readonly error: string};

/** A child process's outcome; output is bounded by the implementation. */
export type RunResult = {readonly code: number; readonly stdout: string; readonly stderr: string};

/**
Everything the permission checks need from the machine. The real one is `createNodePermissionsIo()`;
tests may wrap it, but the walk itself never touches `fs` or `child_process` directly.
*/
export type PermissionsIo = {
	lstat(path: string): Promise<FileFacts | StatFailure>;
	readlink(path: string): Promise<string>;
	/** A small text file (passwd, group, envvars), bounded; undefined when it cannot be read. */
	readText(path: string): Promise<string | undefined>;
	exists(path: string): Promise<boolean>;
	/** Runs a program without a shell; undefined when the program is not installed. */
	run(command: string, args: readonly string[]): Promise<RunResult | undefined>;
};

/** The web server's user as the kernel sees it: uid, primary gid and every group it belongs to. */
export type WebIdentity = {
	readonly name: string;
	readonly uid: number;
	readonly gid: number;
	/** Primary and supplementary group ids. */
	readonly groups: readonly number[];
	/** Name of the primary group (for `chgrp`). */
	readonly groupName: string;
};

/** Which permission a component needs for the request to go through it. */
export type Need = 'r' | 'x' | 'none';

/** The class of the permission bits that decided (as acl(5)'s access check algorithm picks it). */
export type AccessClass = 'root' | 'owner' | 'acl-user' | 'group' | 'acl-group' | 'other';

/** Whether the web user has the needed permission on one component, and which entry decided. */
export type AccessVerdict = {
	readonly allowed: boolean;
	readonly via: AccessClass;
	/** True when an ACL entry grants the permission but the ACL mask takes it away. */
	readonly maskDenied: boolean;
};

/** One line of the walk (like one line of `namei -l`). */
export type WalkEntry = {
	/** Path of this component as reached (inside a symlink's target, the target's path). */
	readonly path: string;
	/** Component name as shown (`/` for the root). */
	readonly name: string;
	/** 0 for the requested path; one more inside each symlink's target. */
	readonly depth: number;
	readonly kind: FileFacts['kind'] | 'missing' | 'unknown';
	readonly need: Need;
	readonly uid?: number;
	readonly gid?: number;
	readonly owner?: string;
	readonly group?: string;
	readonly mode?: number;
	/** `0750` */
	readonly octal?: string;
	/** `drwxr-x---`, with a trailing `+` when an extended ACL is present (as `ls -l`). */
	readonly symbolic?: string;
	/** Present when the component carries an extended ACL. */
	readonly acl?: Acl;
	readonly selinux?: string;
	readonly linkTarget?: string;
	readonly access?: AccessVerdict;
	/** The errno when the component could not be looked at. */
	readonly error?: string;
};

/** A symbolic link on the way and whether its owner matches its target's owner. */
export type SymlinkOwnership = {
	readonly link: string;
	readonly target: string;
	readonly linkOwner: string;
	readonly targetOwner: string;
	/** Apache `SymLinksIfOwnerMatch` and nginx `disable_symlinks if_not_owner` refuse the link when false. */
	readonly ownerMatch: boolean;
};

/** The index-file check for a folder request. */
export type IndexCheck = {
	readonly candidates: readonly string[];
	/** The first candidate that exists, and whether the web user can read it. */
	readonly found?: {readonly name: string; readonly path: string; readonly readable: boolean};
};

/** How the walk ended. */
export type WalkOutcome = 'readable' | 'blocked' | 'missing' | 'no-index' | 'uninspectable' | 'loop';

/** Result of `walkPermissions`. */
export type WalkResult = {
	readonly requested: string;
	readonly webUser: WebIdentity;
	readonly directory: boolean;
	readonly entries: readonly WalkEntry[];
	/** Index (in `entries`) of the first component that stops the web user, if any. */
	readonly firstBlocked?: number;
	readonly outcome: WalkOutcome;
	readonly symlinks: readonly SymlinkOwnership[];
	readonly index?: IndexCheck;
	/** True when some component carries an extended ACL (fixes then use `setfacl`). */
	readonly aclInUse: boolean;
	readonly selinux: 'enforcing' | 'permissive' | 'off';
};
