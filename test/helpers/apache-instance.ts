import {spawn, spawnSync} from 'node:child_process';
import type {ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chmod, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {freePort, portOpen} from './ports.js';

/** Debian's httpd binary and module folder. */
export const apacheBinary = '/usr/sbin/apache2';
export const apacheModules = '/usr/lib/apache2/modules';
export const apacheAvailable = existsSync(apacheBinary) && existsSync(apacheModules);

/** Modules every private instance loads (what the misconfiguration tests need). */
const baseModules = [
	'mpm_event', 'authz_core', 'authz_host', 'authz_user', 'authn_core', 'access_compat', 'dir', 'autoindex', 'alias', 'rewrite', 'mime', 'setenvif',
];

export type ApachePaths = {
	/** The instance's ServerRoot (a fresh temp folder). */
	readonly root: string;
	/** DocumentRoot: `<root>/www`. */
	readonly docroot: string;
};

export type ApacheInstanceOptions = {
	/** Files to create, relative to the ServerRoot (`www/index.html`…); folders are made as needed. */
	readonly files?: Readonly<Record<string, string>>;
	/** Directives appended after the base configuration (which denies `/` and sets DocumentRoot). */
	readonly config: (paths: ApachePaths) => string;
	/** Runs after the files are written and before httpd starts: symlinks, chown, chmod. */
	readonly prepare?: (paths: ApachePaths) => Promise<void>;
};

export type ApacheResponse = {readonly status: number; readonly headers: http.IncomingHttpHeaders; readonly body: string};

export type ApacheInstance = ApachePaths & {
	readonly origin: string;
	readonly port: number;
	/** The main configuration file, to hand to `analyzeApache`. */
	readonly confPath: string;
	readonly errorLogPath: string;
	readonly accessLogPath: string;
	/** Line number (1-based) of the first line containing `text` (after the first line containing `after`, when given). */
	lineOf(text: string, options?: {after?: string; file?: string}): Promise<number>;
	request(urlPath: string, options?: {method?: string; headers?: Record<string, string>}): Promise<ApacheResponse>;
	readErrorLog(): Promise<string>;
	/** Waits (polling, no fixed sleep) until the access log has a line for `urlPath`; returns that line. */
	accessLogLine(urlPath: string): Promise<string>;
	stop(): Promise<void>;
};

/**
Starts a private httpd for one test: its own ServerRoot in a temp folder, `Listen 127.0.0.1:<free port>`, its
own PidFile, logs and mutex folder, `User www-data`. Checks the syntax with `-t` first, runs it with
`-DFOREGROUND` as a child whose PID is kept, and stops exactly that process.
*/
export async function startApache(options: ApacheInstanceOptions): Promise<ApacheInstance> {
	const root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-'));
	await chmod(root, 0o755);
	const docroot = path.join(root, 'www');
	const paths: ApachePaths = {root, docroot};
	for (const folder of ['www', 'logs', 'run', 'conf']) {
		await mkdir(path.join(root, folder), {recursive: true, mode: 0o755});
	}

	for (const [relative, content] of Object.entries(options.files ?? {})) {
		const file = path.join(root, relative);
		await mkdir(path.dirname(file), {recursive: true, mode: 0o755});
		await writeFile(file, content, {mode: 0o644});
	}

	await options.prepare?.(paths);
	const port = await freePort();
	const confPath = path.join(root, 'conf', 'httpd.conf');
	const errorLogPath = path.join(root, 'logs', 'error.log');
	const accessLogPath = path.join(root, 'logs', 'access.log');
	await writeFile(path.join(root, 'conf', 'mime.types'), 'text/html html htm\ntext/plain txt\nimage/png png\n');
	await writeFile(confPath, `${baseConfig(paths, port)}\n${options.config(paths)}\n`);

	const check = spawnSync(apacheBinary, ['-t', '-f', confPath], {encoding: 'utf8'});
	if (check.status !== 0) {
		await rm(root, {recursive: true, force: true});
		throw new Error(`apache2 -t failed:\n${check.stderr}${check.stdout}`);
	}

	const child = spawn(apacheBinary, ['-f', confPath, '-DFOREGROUND'], {stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	try {
		await waitForPort(port, child);
	} catch (error) {
		await stopChild(child);
		const log = await readFile(errorLogPath, 'utf8').catch(() => '');
		throw new Error(`apache2 did not start: ${(error as Error).message}\n${output}\n${log}`);
	}

	const origin = `http://127.0.0.1:${port}`;
	return {
		...paths,
		origin,
		port,
		confPath,
		errorLogPath,
		accessLogPath,
		async lineOf(text, {after, file = confPath} = {}) {
			const lines = (await readFile(file, 'utf8')).split('\n');
			const start = after === undefined ? 0 : lines.findIndex(line => line.includes(after));
			const index = lines.findIndex((line, number) => number >= start && line.includes(text));
			if (index === -1) {
				throw new Error(`"${text}" not found in ${file}`);
			}

			return index + 1;
		},
		request: async (urlPath, requestOptions = {}) => httpRequest(port, urlPath, requestOptions),
		readErrorLog: async () => readFile(errorLogPath, 'utf8').catch(() => ''),
		async accessLogLine(urlPath) {
			for (let attempt = 0; attempt < 400; attempt++) {
				const log = await readFile(accessLogPath, 'utf8').catch(() => '');
				const line = log.split('\n').find(entry => entry.includes(` ${urlPath} HTTP/`));
				if (line) {
					return line;
				}

				await new Promise(resolve => {
					setTimeout(resolve, 25);
				});
			}

			throw new Error(`no access log line for ${urlPath}`);
		},
		async stop() {
			await stopChild(child);
			await rm(root, {recursive: true, force: true});
		},
	};
}

function baseConfig({root, docroot}: ApachePaths, port: number): string {
	return [
		`ServerRoot "${root}"`,
		'ServerName 127.0.0.1',
		`Listen 127.0.0.1:${port}`,
		...baseModules.map(name => `LoadModule ${name}_module ${apacheModules}/mod_${name}.so`),
		`PidFile "${root}/run/httpd.pid"`,
		`DefaultRuntimeDir "${root}/run"`,
		`Mutex file:${root}/run default`,
		`ErrorLog "${root}/logs/error.log"`,
		'LogLevel warn',
		'LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined',
		`CustomLog "${root}/logs/access.log" combined`,
		`TypesConfig "${root}/conf/mime.types"`,
		'User www-data',
		'Group www-data',
		'StartServers 1',
		`DocumentRoot "${docroot}"`,
		'<Directory />',
		'\tAllowOverride None',
		'\tRequire all denied',
		'</Directory>',
	].join('\n');
}

/** A port the kernel just handed out for 127.0.0.1 (bind 0, read, release). */

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
	for (let attempt = 0; attempt < 400; attempt++) {
		if (child.exitCode !== null) {
			throw new Error(`exited with ${child.exitCode}`);
		}

		if (await portOpen(port)) {
			return;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 25);
		});
	}

	throw new Error(`port ${port} never opened`);
}

async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return;
	}

	const exited = new Promise<void>(resolve => {
		child.once('exit', () => {
			resolve();
		});
	});
	child.kill('SIGTERM');
	await exited;
}

async function httpRequest(port: number, urlPath: string, options: {method?: string; headers?: Record<string, string>}): Promise<ApacheResponse> {
	return new Promise((resolve, reject) => {
		const request = http.request({host: '127.0.0.1', port, path: urlPath, method: options.method ?? 'GET', headers: options.headers, agent: false}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				body += chunk;
			});
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, headers: response.headers, body});
			});
		});
		request.on('error', reject);
		request.end();
	});
}
