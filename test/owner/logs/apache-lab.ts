import {spawn} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {freePort} from '../../helpers/ports.js';
import {setTimeout as delay} from 'node:timers/promises';

/** A real Apache httpd 2.4 (Debian's binary) on 127.0.0.1 and a free port, stopped by its PID. */
export type ApacheLab = {
	readonly errorLog: string;
	readonly accessLog: string;
	request(urlPath: string, headers?: Record<string, string>): Promise<number>;
	stop(): Promise<void>;
};


const modules = '/usr/lib/apache2/modules';

/** Starts `apache2 -DFOREGROUND` with a minimal config; `config` adds directives (Directory blocks etc.). */
export async function startApache(dir: string, documentRoot: string, config: string): Promise<ApacheLab> {
	const port = await freePort();
	const errorLog = path.join(dir, 'apache-error.log');
	const accessLog = path.join(dir, 'apache-access.log');
	const configFile = path.join(dir, 'httpd.conf');
	fs.writeFileSync(configFile, [
		`ServerRoot ${dir}`,
		`PidFile ${path.join(dir, 'httpd.pid')}`,
		`Listen 127.0.0.1:${port}`,
		...['mpm_event', 'authz_core', 'authz_host', 'dir', 'autoindex'].map(name => `LoadModule ${name}_module ${modules}/mod_${name}.so`),
		'User www-data',
		'Group www-data',
		'ServerName lab.test',
		`ErrorLog ${errorLog}`,
		'LogLevel warn',
		'LogFormat "%h %l %u %t \\"%r\\" %>s %O \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined',
		`CustomLog ${accessLog} combined`,
		`DocumentRoot ${documentRoot}`,
		'DirectoryIndex index.html',
		config,
	].join('\n'));
	const child = spawn('apache2', ['-d', dir, '-f', configFile, '-DFOREGROUND'], {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<void>(resolve => {
		child.once('exit', () => {
			resolve();
		});
	});
	const request = async (urlPath: string, headers: Record<string, string> = {}) => new Promise<number>((resolve, reject) => {
		http.get({host: '127.0.0.1', port, path: urlPath, headers}, response => {
			response.resume().on('end', () => {
				resolve(response.statusCode ?? 0);
			});
		}).on('error', reject);
	});
	for (let attempt = 0; ; attempt++) {
		if (child.exitCode !== null || attempt > 200) {
			if (child.exitCode === null && child.pid !== undefined) {
				process.kill(child.pid, 'SIGTERM');
			}

			throw new Error(`apache2 did not start: ${stderr}`);
		}

		if (fs.existsSync(path.join(dir, 'httpd.pid'))) {
			break;
		}

		await delay(25);
	}

	const pid = child.pid ?? -1;
	return {
		errorLog, accessLog, request,
		async stop() {
			if (child.exitCode === null) {
				process.kill(pid, 'SIGTERM');
				await exited;
			}
		},
	};
}
