import type {Finding} from '../../evidence/types.js';
import {type Accounts, groupName, userName} from '../permissions/accounts.js';
import {parseGetfacl} from '../permissions/acl.js';
import {loadAccounts, resolveIdentity, UnknownWebUserError} from '../permissions/identity.js';
import type {PermissionsIo, WebIdentity} from '../permissions/types.js';
import {walkPermissions} from '../permissions/walk.js';
import {limitExtensionsFinding} from './limit-extensions.js';
import {type FpmFsIo, loadFpmConfigs} from './load-configs.js';
import {type FpmPool, poolsOf, poolValue} from './pool.js';
import {scriptAccessFinding} from './script-access.js';
import {socketFinding} from './socket-finding.js';
import {canConnect, type ListenAddress, parseListen, type SocketSpec, socketSpec} from './socket.js';

/** Options of `checkPhpFpm`. */
export type PhpFpmCheckOptions = {
	/** The web server's user (who connects to the socket). */
	readonly webUser: string;
	/** File-system path of the script the URL maps to (SCRIPT_FILENAME); without it only sockets are judged. */
	readonly scriptPath?: string;
	/** A pool file, php-fpm.conf or a folder; default: the distributions' pool folders. */
	readonly configPath?: string;
	/** Where the web server sends PHP (nginx `fastcgi_pass unix:/run/php/x.sock;`): picks the pool. */
	readonly listen?: string;
	/** User of the PHP-FPM master (owner of sockets without listen.owner); default root. */
	readonly masterUser?: string;
};

/** What was found per pool, for the report and the flow's guards. */
export type PoolSummary = {
	readonly name: string;
	readonly file: string;
	readonly line: number;
	readonly user: string;
	readonly listen: ListenAddress;
	readonly webUserCanConnect?: boolean;
};

/** The PHP-FPM check's result. */
export type PhpFpmCheckResult = {readonly pools: readonly PoolSummary[]; readonly findings: readonly Finding[]};

/** Both halves of the machine the check uses. */
export type PhpFpmIo = {readonly fs: FpmFsIo; readonly permissions: PermissionsIo};

const normalizeListen = (value: string) => value.replace(/^unix:/, '').trim();

async function realSocket(io: PermissionsIo, socketPath: string, accounts: Accounts): Promise<SocketSpec | undefined> {
	const facts = await io.lstat(socketPath);
	if ('error' in facts || facts.kind !== 'other') {
		return undefined;
	}

	const getfacl = await io.run('getfacl', ['-a', '-c', '-n', '-E', '-p', '--', socketPath]);
	const acl = getfacl?.code === 0 ? parseGetfacl(getfacl.stdout) : undefined;
	return {facts, acl: acl?.extended ? acl : undefined, owner: userName(accounts, facts.uid), group: groupName(accounts, facts.gid)};
}

async function checkPool(pool: FpmPool, options: PhpFpmCheckOptions, io: PhpFpmIo, who: WebIdentity, accounts: Accounts) {
	const findings: Finding[] = [];
	const masterUser = options.masterUser ?? 'root';
	const user = poolValue(pool, 'user')?.value ?? masterUser;
	const listen = parseListen(poolValue(pool, 'listen')?.value ?? '');
	let webUserCanConnect: boolean | undefined;
	if (listen.kind === 'unix' && listen.path !== '') {
		const onDisk = await realSocket(io.permissions, listen.path, accounts);
		const spec = onDisk ?? socketSpec(pool, accounts, masterUser);
		const verdict = canConnect(who, spec, accounts);
		webUserCanConnect = verdict.allowed;
		findings.push(socketFinding(pool, listen.path, spec, verdict, who, onDisk ? 'socket' : 'config'));
	}

	if (options.scriptPath !== undefined) {
		findings.push(limitExtensionsFinding(pool, options.scriptPath));
		try {
			const walk = await walkPermissions(options.scriptPath, {webUser: user}, io.permissions);
			findings.push(scriptAccessFinding(pool, user, walk));
		} catch (error) {
			if (!(error instanceof UnknownWebUserError)) {
				throw error;
			}

			findings.push({
				code: 'php-fpm.pool-user-unknown',
				text: `PHP-FPM pool ${pool.name} names user ${user}, which does not exist here; the pool cannot start.`,
				location: {file: pool.file, line: poolValue(pool, 'user')?.line ?? pool.line},
				mark: 'warn',
				data: {pool: pool.name, user},
			});
		}
	}

	return {summary: {name: pool.name, file: pool.file, line: pool.line, user, listen, webUserCanConnect}, findings};
}

/**
Finds PHP-FPM pools and judges, per pool serving the request: can the web user connect to its socket,
does `security.limit_extensions` let the script run, can the pool's user read the script.
*/
export async function checkPhpFpm(options: PhpFpmCheckOptions, io: PhpFpmIo): Promise<PhpFpmCheckResult> {
	const files = await loadFpmConfigs({path: options.configPath}, io.fs);
	const pools = poolsOf(files);
	const where = options.configPath ?? '/etc/php';
	if (pools.length === 0) {
		return {pools: [], findings: [{
			code: 'php-fpm.no-pools',
			text: `No PHP-FPM pool config was found under ${where}.`,
			location: {file: where},
			mark: 'info',
		}]};
	}

	const findings: Finding[] = [];
	const wanted = options.listen === undefined ? undefined : normalizeListen(options.listen);
	let selected = pools.filter(pool => wanted === undefined || normalizeListen(poolValue(pool, 'listen')?.value ?? '') === wanted);
	if (selected.length === 0) {
		findings.push({
			code: 'php-fpm.pool-not-found',
			text: `No PHP-FPM pool listens on ${options.listen ?? ''}; every pool found is checked instead.`,
			location: {file: pools[0]?.file ?? where},
			mark: 'warn',
			data: {listen: options.listen, pools: pools.map(pool => pool.name)},
		});
		selected = pools;
	}

	const accounts = await loadAccounts(io.permissions);
	const who = await resolveIdentity(options.webUser, io.permissions, accounts);
	const summaries: PoolSummary[] = [];
	for (const pool of selected) {
		const result = await checkPool(pool, options, io, who, accounts);
		summaries.push(result.summary);
		findings.push(...result.findings);
	}

	return {pools: summaries, findings};
}
