import {spawn} from 'node:child_process';

/**
Starts `fix403 lab --json` and resolves with the lab's listing once it serves. `stop()` sends SIGINT — how a
person ends it — and waits for the process to exit.
*/
export async function startLabProcess(bin) {
	const child = spawn(process.execPath, [bin, 'lab', '--json'], {stdio: ['ignore', 'pipe', 'pipe']});
	const exited = new Promise(resolve => {
		child.once('exit', code => resolve(code));
	});
	let stdout = '';
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', chunk => {
		stderr += chunk;
	});
	const listing = await new Promise((resolve, reject) => {
		child.stdout.setEncoding('utf8').on('data', chunk => {
			stdout += chunk;
			if (stdout.includes('\n')) {
				resolve(JSON.parse(stdout.slice(0, stdout.indexOf('\n'))));
			}
		});
		exited.then(code => reject(new Error(`fix403 lab exited ${code} before listing its paths: ${stderr.trim()}`)));
	});
	return {
		...listing,
		async stop() {
			child.kill('SIGINT');
			return exited;
		},
	};
}
