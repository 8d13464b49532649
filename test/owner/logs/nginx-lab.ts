import {type ChildProcess, spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';

/** A real nginx (Debian's binary) serving on a unix socket in a temp folder, stopped by its PID. */
export type NginxLab = {
	readonly dir: string;
	readonly socket: string;
	readonly errorLog: string;
	readonly accessLog: string;
	readonly pid: number;
	request(urlPath: string, headers?: Record<string, string>): Promise<{status: number; body: string}>;
	stop(): Promise<void>;
};

/**
Starts `nginx -g 'daemon off;'` as root with `user <user>;` so workers run as that user, like a real
install. `server` is the body of the one server block; `http` adds http-level directives. Requests go over
a unix socket, so no port is taken and nothing leaves the machine.
*/
export async function startNginx(options: {server: string; http?: string; user?: string; dir?: string; workers?: number}): Promise<NginxLab> {
	const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fix403-nginx-'));
	fs.mkdirSync(dir, {recursive: true});
	fs.chmodSync(dir, 0o755);
	const socket = path.join(dir, 'http.sock');
	const errorLog = path.join(dir, 'error.log');
	const accessLog = path.join(dir, 'access.log');
	const temporary = path.join(dir, 'tmp');
	fs.mkdirSync(temporary, {recursive: true});
	const config = [
		`user ${options.user ?? 'www-data'};`,
		`worker_processes ${options.workers ?? 1};`,
		`pid ${path.join(dir, 'nginx.pid')};`,
		`error_log ${errorLog} info;`,
		'events {}',
		'http {',
		`  access_log ${accessLog} combined;`,
		...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(kind => `  ${kind}_temp_path ${temporary};`),
		options.http ?? '',
		`  server { listen unix:${socket}; ${options.server} }`,
		'}',
	].join('\n');
	const configFile = path.join(dir, 'nginx.conf');
	fs.writeFileSync(configFile, config);
	const child: ChildProcess = spawn('nginx', ['-c', configFile, '-p', `${dir}/`, '-e', errorLog, '-g', 'daemon off;'], {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<void>(resolve => {
		child.once('exit', () => {
			resolve();
		});
	});
	for (let attempt = 0; !fs.existsSync(socket); attempt++) {
		if (child.exitCode !== null || attempt > 200) {
			if (child.exitCode === null && child.pid !== undefined) {
				process.kill(child.pid, 'SIGQUIT');
			}

			if (options.dir === undefined) {
				fs.rmSync(dir, {recursive: true, force: true});
			}

			throw new Error(`nginx did not start: ${stderr}`);
		}

		await delay(25);
	}

	const pid = child.pid ?? -1;
	return {
		dir, socket, errorLog, accessLog, pid,
		async request(urlPath, headers = {}) {
			return new Promise((resolve, reject) => {
				const request = http.request({socketPath: socket, path: urlPath, headers: {host: 'lab.test', ...headers}}, response => {
					let body = '';
					response.setEncoding('utf8').on('data', (chunk: string) => {
						body += chunk;
					}).on('end', () => {
						resolve({status: response.statusCode ?? 0, body});
					});
				});
				request.on('error', reject).end();
			});
		},
		async stop() {
			if (child.exitCode === null) {
				process.kill(pid, 'SIGQUIT');
				await exited;
			}
		},
	};
}
