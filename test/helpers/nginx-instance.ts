import {spawn, execFile, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chmod, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import {freePort, portOpen} from './ports.js';

/** Debian's nginx; the tests that need it are skipped where it (or root) is missing. */
export const nginxBinary = '/usr/sbin/nginx';

/** A private nginx needs the binary, and root so that `user www-data;` takes effect as in production. */
export const canRunNginx = existsSync(nginxBinary) && process.getuid?.() === 0;

/** Paths of one private instance, known before nginx starts (configs and fixtures are built from them). */
export type SitePaths = {
	/** The temp folder, used as nginx's prefix (`-p`). */
	readonly root: string;
	/** `<root>/conf`: holds nginx.conf; relative includes resolve here. */
	readonly confDir: string;
	readonly confPath: string;
	/** `<root>/www`: a document root the tests fill. */
	readonly docroot: string;
	readonly errorLogPath: string;
	readonly port: number;
};

export type NginxInstanceOptions = {
	/** What goes inside `http { … }` (server blocks, includes), built from the instance's paths. */
	readonly http: (site: SitePaths) => string;
	/** Extra files relative to the root (e.g. `conf/sites/site.conf`, `www/a.html`), written before start. */
	readonly files?: (site: SitePaths) => Record<string, string>;
	/** Last preparation before start (modes, owners, symbolic links). */
	readonly prepare?: (site: SitePaths) => Promise<void>;
};

export type NginxResponse = {readonly status: number; readonly body: string; readonly headers: http.IncomingHttpHeaders};

export type NginxInstance = SitePaths & {
	readonly pid: number;
	/** A real HTTP request to the instance on 127.0.0.1. */
	request(urlPath: string, options?: {method?: string; headers?: Record<string, string>}): Promise<NginxResponse>;
	/** The instance's error log as written so far. */
	errorLog(): Promise<string>;
	/** Stops the master process this helper started (SIGQUIT, then SIGTERM) and removes the temp folder. */
	stop(): Promise<void>;
};

/**
Starts a private nginx: its own prefix under /tmp (folders 0755 so the www-data workers can traverse
them), its own pid, logs and temp paths, `user www-data;`, `daemon off;` with a master process we own,
listening on 127.0.0.1 and a free port. The config is checked with `nginx -t` first.
*/
export async function startNginx(options: NginxInstanceOptions): Promise<NginxInstance> {
	const root = await mkdtemp('/tmp/fix403-nginx-');
	await chmod(root, 0o755);
	const site: SitePaths = {
		root,
		confDir: path.join(root, 'conf'),
		confPath: path.join(root, 'conf', 'nginx.conf'),
		docroot: path.join(root, 'www'),
		errorLogPath: path.join(root, 'logs', 'error.log'),
		port: await freePort(),
	};
	for (const folder of ['conf', 'logs', 'www', 'temp']) {
		await mkdir(path.join(root, folder), {mode: 0o755});
		await chmod(path.join(root, folder), 0o755);
	}

	await writeFile(site.confPath, mainConfig(site, options.http(site)));
	for (const [relative, text] of Object.entries(options.files?.(site) ?? {})) {
		const target = path.join(root, relative);
		await mkdir(path.dirname(target), {recursive: true, mode: 0o755});
		await writeFile(target, text, {mode: 0o644});
	}

	await options.prepare?.(site);
	const check = await run(nginxBinary, ['-t', '-p', `${root}/`, '-c', site.confPath]);
	if (check.code !== 0) {
		await rm(root, {recursive: true, force: true});
		throw new Error(`nginx -t rejected the test config:\n${check.output}`);
	}

	const child = spawn(nginxBinary, ['-p', `${root}/`, '-c', site.confPath], {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	try {
		await waitForPort(site.port, child, () => stderr);
	} catch (error) {
		await stopChild(child);
		await rm(root, {recursive: true, force: true});
		throw error;
	}

	return {
		...site,
		pid: child.pid!,
		request: async (urlPath, requestOptions = {}) => httpRequest(site.port, urlPath, requestOptions.method ?? 'GET', requestOptions.headers ?? {}),
		errorLog: async () => readFile(site.errorLogPath, 'utf8').catch(() => ''),
		async stop() {
			await stopChild(child);
			await rm(root, {recursive: true, force: true});
		},
	};
}

function mainConfig(site: SitePaths, httpBody: string): string {
	const {root} = site;
	return `user www-data;
worker_processes 1;
daemon off;
master_process on;
pid ${root}/logs/nginx.pid;
error_log ${site.errorLogPath} error;

events {
	worker_connections 64;
}

http {
	access_log ${root}/logs/access.log;
	client_body_temp_path ${root}/temp/client_body;
	proxy_temp_path ${root}/temp/proxy;
	fastcgi_temp_path ${root}/temp/fastcgi;
	uwsgi_temp_path ${root}/temp/uwsgi;
	scgi_temp_path ${root}/temp/scgi;
	default_type text/plain;

${httpBody}
}
`;
}

/** A port nobody listens on right now: bind port 0, read it, release it. */

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`nginx exited before listening (code ${child.exitCode}):\n${stderr()}`);
		}

		if (await portOpen(port)) {
			return;
		}

		await new Promise(resolve => {
			setTimeout(resolve, 25);
		});
	}

	throw new Error(`nginx did not listen on 127.0.0.1:${port}:\n${stderr()}`);
}

/** Signals only the PID this helper spawned: SIGQUIT (graceful), then SIGTERM, then SIGKILL. */
async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return;
	}

	const exited = new Promise<void>(resolve => {
		child.once('exit', () => {
			resolve();
		});
	});
	for (const signal of ['SIGQUIT', 'SIGTERM', 'SIGKILL'] as const) {
		child.kill(signal);
		const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>(resolve => {
			setTimeout(() => {
				resolve(false);
			}, 5000);
		})]);
		if (stopped) {
			return;
		}
	}
}

async function httpRequest(port: number, urlPath: string, method: string, headers: Record<string, string>): Promise<NginxResponse> {
	return new Promise((resolve, reject) => {
		const request = http.request({host: '127.0.0.1', port, path: urlPath, method, headers, agent: false}, response => {
			let body = '';
			response.setEncoding('utf8').on('data', (chunk: string) => {
				body += chunk;
			});
			response.on('end', () => {
				resolve({status: response.statusCode ?? 0, body, headers: response.headers});
			});
		});
		request.on('error', reject);
		request.end();
	});
}

async function run(command: string, args: string[]): Promise<{code: number; output: string}> {
	return new Promise(resolve => {
		execFile(command, args, {encoding: 'utf8'}, (error, stdout, stderr) => {
			const code: unknown = error?.code;
			resolve({code: error ? (typeof code === 'number' ? code : 1) : 0, output: `${stdout}${stderr}`});
		});
	});
}
