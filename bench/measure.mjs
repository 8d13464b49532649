import {spawnSync} from 'node:child_process';

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs a command to completion once and returns its wall time in milliseconds; throws when it fails. */
export function timeOnce(command, args, options = {}) {
	const started = process.hrtime.bigint();
	const result = spawnSync(command, args, {stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, ...options});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (result.error || result.status !== 0) {
		const why = result.error?.message ?? `exit ${result.status}: ${String(result.stderr).trim().split('\n')[0]}`;
		throw new Error(`${command} ${args.join(' ')}: ${why}`);
	}

	return {ms, stdout: String(result.stdout)};
}

/**
Times several commands over the same rounds, interleaved (A B C, A B C, …) so that a slow stretch of the
machine hits them all alike, after `warmup` untimed rounds that fill the OS file cache. Returns the times of
each command by name.
*/
export function timeInterleaved(commands, {runs, warmup}) {
	const times = Object.fromEntries(commands.map(({name}) => [name, []]));
	for (let round = 0; round < warmup + runs; round++) {
		for (const {name, command, args, options} of commands) {
			const {ms} = timeOnce(command, args, options);
			if (round >= warmup) {
				times[name].push(ms);
			}
		}
	}

	return times;
}
