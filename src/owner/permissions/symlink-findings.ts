import type {Finding} from '../../evidence/types.js';
import {shellQuote} from './shell-quote.js';
import type {WalkResult} from './types.js';

/**
One finding per symbolic link on the way. Whether the server follows links is config (nginx
`disable_symlinks`, Apache `Options FollowSymLinks`/`SymLinksIfOwnerMatch`), which the config readers
judge; this reports the facts they need: where the link goes and whether its owner matches the target's.
*/
export function symlinkFindings(result: WalkResult): Finding[] {
	return result.symlinks.map(link => {
		const data = {...link};
		if (link.ownerMatch) {
			return {
				code: 'permissions.symlink',
				text: `${link.link} is a symbolic link to ${link.target}; link and target are both owned by ${link.linkOwner}.`,
				supports: {'symlink-blocked': 0.1},
				location: {file: link.link},
				mark: 'info',
				data,
			} satisfies Finding;
		}

		return {
			code: 'permissions.symlink-owner-mismatch',
			text: `${link.link} is a symbolic link owned by ${link.linkOwner} to ${link.target} owned by ${link.targetOwner}; `
				+ 'Apache with SymLinksIfOwnerMatch and nginx with disable_symlinks if_not_owner refuse it (403).',
			supports: {'symlink-blocked': 0.3},
			fix: {owner: [
				`chown -h ${shellQuote(link.targetOwner)} ${shellQuote(link.link)}`,
				'Or allow the link in the server config (Apache `Options +FollowSymLinks`, nginx `disable_symlinks off;`).',
			]},
			location: {file: link.link},
			mark: 'warn',
			data,
		} satisfies Finding;
	});
}
