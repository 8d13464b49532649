import {spawn} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {binPath, type CliResult} from '../helpers/run-cli.js';

export type MeasuredResult = CliResult & {
	/** Peak resident set size of the CLI process (VmHWM from /proc), in bytes. */
	readonly peakRss: number;
};

/** VmHWM ("high water mark") of a live process, in bytes; undefined once it has gone. */
async function highWaterMark(pid: number): Promise<number | undefined> {
	try {
		const status = await readFile(`/proc/${pid}/status`, 'utf8');
		const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
		return kib === undefined ? undefined : Number(kib) * 1024;
	} catch {
		return undefined;
	}
}

/**
Runs the built CLI like runCli does (no terminal, CI set, no colour) and samples the child's peak RSS from
/proc/<pid>/status while it runs. VmHWM never decreases, so the last sample is the peak up to that moment;
the process is sampled until it exits.
*/
export async function runMeasured(args: readonly string[], options: {env?: Record<string, string>; input?: string | Buffer; asUser?: string} = {}): Promise<MeasuredResult> {
	// As another user (`runuser`, root only), the sampled process is runuser's, not the CLI's: no memory then.
	const [command, commandArgs] = options.asUser === undefined
		? [process.execPath, [binPath, ...args]]
		: ['runuser', ['-u', options.asUser, '--', process.execPath, binPath, ...args]];
	const child = spawn(command, commandArgs, {
		env: {...process.env, NO_COLOR: '1', CI: 'true', ...options.env},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	// A CLI that refuses its input exits before reading all of stdin: the pipe then breaks, which is fine.
	child.stdin.on('error', () => undefined);
	child.stdin.end(options.input ?? '');
	let peakRss = 0;
	let running = true;
	const sampling = (async () => {
		while (running) {
			// eslint-disable-next-line no-await-in-loop
			const sample = await highWaterMark(child.pid!);
			if (sample !== undefined) {
				peakRss = Math.max(peakRss, sample);
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setTimeout(resolve, 5);
			});
		}
	})();
	const code = await new Promise<number | null>(resolve => {
		child.on('close', resolve);
	});
	running = false;
	await sampling;
	return {code, stdout, stderr, peakRss};
}
