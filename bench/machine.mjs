import {readFileSync} from 'node:fs';
import os from 'node:os';

function osName() {
	try {
		const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
		if (pretty) {
			return `${pretty}, ${os.type()} ${os.release()}`;
		}
	} catch {}

	return `${os.type()} ${os.release()}`;
}

/** One line about the machine the numbers come from. */
export function describeMachine() {
	const cpu = os.cpus()[0]?.model.replaceAll(/\s+/g, ' ').trim() ?? 'unknown CPU';
	const cores = os.availableParallelism?.() ?? os.cpus().length;
	const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`;
	// Other work on the machine stretches every wall time; the load average says how busy it was.
	const load = os.loadavg()[0].toFixed(2);
	return {cpu, cores, node: process.version, os: osName(), memory, load, line: `${cpu}, ${cores} cores, ${memory} · Node ${process.version} · ${osName()} · load average ${load}`};
}
