import type {NginxBuildInfo} from './build-info.js';
import type {Directive, NginxConfig} from './types.js';

export type WebUser = {
	readonly user: string;
	readonly group: string;
	/** The `user` directive, when the config sets one. */
	readonly directive?: Directive;
};

/**
The account nginx workers run as: the main-context `user` directive (`user www-data;` — the group defaults
to the user's name), else the build's `--user`/`--group`, else nginx's compiled default `nobody`
(group `nogroup` on Debian builds, `nobody` elsewhere). Only applies when the master runs as root.
*/
export function webUserFromNginx(config: NginxConfig, build?: Pick<NginxBuildInfo, 'user' | 'group'>): WebUser {
	const directive = config.directives.findLast(item => item.name === 'user');
	const [user, group] = directive?.args ?? [];
	if (directive !== undefined && user !== undefined) {
		return {user, group: group ?? user, directive};
	}

	const fallbackUser = build?.user ?? 'nobody';
	return {user: fallbackUser, group: build?.group ?? (fallbackUser === 'nobody' ? 'nogroup' : fallbackUser)};
}
