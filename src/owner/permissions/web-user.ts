import {parsePasswd} from './accounts.js';
import type {PermissionsIo} from './types.js';

/** One row of `ps -eo user:64,comm`. */
export type ProcessRow = {readonly user: string; readonly command: string};

/** The guessed web-server user and how it was found. */
export type WebUserGuess = {
	readonly user: string;
	readonly source: 'process' | 'config' | 'default';
	/** e.g. `3 nginx workers run as www-data`, `User ${APACHE_RUN_USER} in the config`. */
	readonly detail: string;
};

const serverCommands = /^(?:nginx|apache2|httpd|lighttpd|caddy|openresty)$/;
const phpCommands = /^php-fpm/;

/** Parses `ps -eo user:64,comm` output; the header and malformed lines are skipped. */
export function parsePsOutput(text: string): ProcessRow[] {
	const rows: ProcessRow[] = [];
	for (const line of text.split('\n')) {
		const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(line);
		if (match?.[1] && match[2] && !(match[1] === 'USER' && match[2] === 'COMMAND')) {
			rows.push({user: match[1], command: match[2]});
		}
	}

	return rows;
}

/**
Picks the user of the web server's workers. Masters run as root and only read the config, so root rows
are ignored; a web server's workers win over PHP-FPM's (PHP-FPM's pool user is a separate question).
*/
export function pickWebUser(rows: readonly ProcessRow[]): {user: string; command: string; count: number} | undefined {
	const counts = new Map<string, {user: string; command: string; count: number; rank: number}>();
	for (const row of rows) {
		const rank = serverCommands.test(row.command) ? 2 : phpCommands.test(row.command) ? 1 : 0;
		if (rank === 0 || row.user === 'root' || row.user === '0') {
			continue;
		}

		const key = `${row.user}\u0000${row.command}`;
		const entry = counts.get(key) ?? {user: row.user, command: row.command, count: 0, rank};
		entry.count++;
		counts.set(key, entry);
	}

	const [best] = [...counts.values()].sort((a, b) => b.rank - a.rank || b.count - a.count);
	return best && {user: best.user, command: best.command, count: best.count};
}

/**
The user named by a config directive's value: nginx `user www-data www-data;` → `www-data`, Apache
`User #33` → `33`, `User ${APACHE_RUN_USER}` → looked up in Debian's /etc/apache2/envvars text.
*/
export function configUserValue(value: string, envvars = ''): string | undefined {
	const first = value.trim().replace(/;$/, '').split(/\s+/)[0]?.replace(/^["']|["']$/g, '');
	if (!first) {
		return undefined;
	}

	const variable = /^\$\{(\w+)\}$/.exec(first)?.[1];
	if (variable) {
		const pattern = new RegExp(`^\\s*(?:export\\s+)?${variable}=["']?([^"'\\s]+)`, 'm');
		return pattern.exec(envvars)?.[1];
	}

	return first.startsWith('#') ? first.slice(1) : first;
}

const defaultUsers = ['www-data', 'nginx', 'apache', 'http', 'nobody'];

/**
Guesses the web-server user when `--web-user` is absent: running workers first (`ps`), then `user` /
`User` directive values the config readers found, then the distribution's usual user if it exists.
*/
export async function resolveWebUser(
	io: PermissionsIo,
	options: {readonly configUsers?: readonly string[]} = {},
): Promise<WebUserGuess | undefined> {
	const ps = await io.run('ps', ['-eo', 'user:64,comm']);
	const picked = ps?.code === 0 ? pickWebUser(parsePsOutput(ps.stdout)) : undefined;
	if (picked) {
		const plural = picked.count === 1 ? 'process runs' : 'processes run';
		return {user: picked.user, source: 'process', detail: `${picked.count} ${picked.command} ${plural} as ${picked.user}`};
	}

	const configValues = options.configUsers ?? [];
	const envvars = configValues.some(value => value.includes('${')) ? await io.readText('/etc/apache2/envvars') : '';
	for (const value of configValues) {
		const user = configUserValue(value, envvars);
		if (user) {
			return {user, source: 'config', detail: `"${value}" in the server config`};
		}
	}

	const users = parsePasswd(await io.readText('/etc/passwd') ?? '');
	const fallback = defaultUsers.find(name => users.some(user => user.name === name));
	return fallback === undefined
		? undefined
		: {user: fallback, source: 'default', detail: `no server process found; ${fallback} is the usual web user here`};
}
