/** One access ACL entry from `getfacl`: `user:33:r-x` → {tag: 'user', qualifier: '33', perms: 5}. */
export type AclEntry = {
	readonly tag: 'user' | 'group' | 'mask' | 'other';
	/** Empty for the owner/owning-group/mask/other entries; a name or numeric id otherwise. */
	readonly qualifier: string;
	/** Bits: r=4, w=2, x=1. */
	readonly perms: number;
};

/** An access ACL. `extended` is true when it has named entries or a mask (what `ls -l` shows as `+`). */
export type Acl = {
	readonly entries: readonly AclEntry[];
	readonly mask?: number;
	readonly extended: boolean;
};

const entryPattern = /^(user|group|mask|other|u|g|m|o):([^:]*):([rwx-]{3})(?=\s|#|$)/;
// Solaris and the ALT Linux docs print the mask and other entries with one colon: `mask:rw-`.
const shortPattern = /^(mask|other|m|o):()([rwx-]{3})(?=\s|#|$)/;
const tagNames = {u: 'user', g: 'group', m: 'mask', o: 'other'} as const;

function permsOf(text: string): number {
	return (text[0] === 'r' ? 4 : 0) + (text[1] === 'w' ? 2 : 0) + (text[2] === 'x' ? 1 : 0);
}

/**
Parses `getfacl` output for one file. Default (`default:`) entries, comments (`# file:`, `#effective:`)
and flags lines are ignored: only the access ACL decides who may read or traverse now.
*/
export function parseGetfacl(text: string): Acl | undefined {
	const entries: AclEntry[] = [];
	for (const rawLine of text.split('\n')) {
		const line = rawLine.trim();
		if (line === '' || line.startsWith('#') || line.startsWith('default:') || line.startsWith('d:')) {
			continue;
		}

		const match = entryPattern.exec(line) ?? shortPattern.exec(line);
		if (!match) {
			continue;
		}

		const [, tagText = '', qualifier = '', perms = '---'] = match;
		const tag = tagText in tagNames ? tagNames[tagText as keyof typeof tagNames] : tagText as AclEntry['tag'];
		entries.push({tag, qualifier, perms: permsOf(perms)});
	}

	if (entries.length === 0) {
		return undefined;
	}

	const mask = entries.find(entry => entry.tag === 'mask')?.perms;
	const extended = mask !== undefined || entries.some(entry => entry.qualifier !== '');
	return {entries, mask, extended};
}
