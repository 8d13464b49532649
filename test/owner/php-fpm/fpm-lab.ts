import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';

/** A real `php-fpm8.2 -F` with one pool on a unix socket in `dir`, stopped by its PID. */
export type FpmLab = {readonly socket: string; readonly configFile: string; readonly pid: number; stop(): Promise<void>};

/** Starts PHP-FPM in the foreground; `pool` is the body of the `[lab]` section (listen is added). */
export async function startPhpFpm(dir: string, pool: string): Promise<FpmLab> {
	const socket = path.join(dir, 'fpm.sock');
	const configFile = path.join(dir, 'fpm.conf');
	fs.writeFileSync(configFile, [
		'[global]',
		`pid = ${path.join(dir, 'fpm.pid')}`,
		`error_log = ${path.join(dir, 'fpm.log')}`,
		'daemonize = no',
		'',
		'[lab]',
		`listen = ${socket}`,
		'pm = static',
		'pm.max_children = 1',
		pool,
		'',
	].join('\n'));
	const child = spawn('php-fpm8.2', ['-y', configFile, '-F'], {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => {
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

			throw new Error(`php-fpm did not start: ${stderr}`);
		}

		await delay(25);
	}

	const pid = child.pid ?? -1;
	return {
		socket, configFile, pid,
		async stop() {
			if (child.exitCode === null) {
				process.kill(pid, 'SIGQUIT');
				await exited;
			}
		},
	};
}
