import type {Finding} from '../../evidence/types.js';
import {octalMode} from '../permissions/mode.js';
import type {AccessVerdict, WebIdentity} from '../permissions/types.js';
import {type FpmPool, lineOf, poolValue, serviceName} from './pool.js';
import type {SocketSpec} from './socket.js';

/** Where the socket facts came from: the socket on disk, or the pool config (socket not there yet). */
export type SocketSource = 'socket' | 'config';

/**
The web user's access to a pool's unix socket. A refused connection makes nginx log `connect() to unix:…
failed (13: Permission denied)` and answer 502, Apache AH02454 and 503 — never 403 — so a denial only
weakly supports `php-fpm-denied`, and the text says so.
*/
export function socketFinding(
	pool: FpmPool,
	socketPath: string,
	spec: SocketSpec,
	verdict: AccessVerdict,
	who: WebIdentity,
	source: SocketSource,
): Finding {
	const usesAcl = spec.acl !== undefined;
	const line = lineOf(pool, usesAcl ? 'listen.acl_users' : poolValue(pool, 'listen.owner') ? 'listen.owner' : 'listen');
	const settings = `owner ${spec.owner}, group ${spec.group}, mode ${octalMode(spec.facts.mode)}${usesAcl ? ', ACL' : ''}`;
	const from = source === 'socket' ? 'the socket on disk' : 'the pool config';
	const data = {pool: pool.name, socket: socketPath, owner: spec.owner, group: spec.group, mode: octalMode(spec.facts.mode), via: verdict.via, source};
	if (verdict.allowed) {
		return {
			code: 'php-fpm.socket-ok',
			text: `${who.name} may connect to PHP-FPM pool ${pool.name}'s socket ${socketPath} (${settings}, from ${from}).`,
			location: {file: pool.file, line},
			mark: 'ok',
			data,
		};
	}

	return {
		code: 'php-fpm.socket-denied',
		text: `${who.name} may not connect to PHP-FPM pool ${pool.name}'s socket ${socketPath} (${settings}, from ${from}); `
			+ 'that makes the web server answer 502 Bad Gateway (Apache: 503), not 403, so it is unlikely to be this 403.',
		supports: {'php-fpm-denied': 0.15},
		fix: {owner: [
			usesAcl
				? `Add ${who.name} to listen.acl_users in ${pool.file} (line ${line}).`
				: `Set \`listen.owner = ${who.name}\` and \`listen.group = ${who.groupName}\` (mode 0660) in ${pool.file} (line ${line}).`,
			`systemctl reload ${serviceName(pool.file)}`,
		]},
		location: {file: pool.file, line},
		mark: 'warn',
		data,
	};
}
