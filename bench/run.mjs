// `npm run bench`: start-up, a whole headless diagnosis, peak memory and package size, on loopback.
// Options: --runs N (timed rounds, default 15), --warmup N (default 2), --json (results as JSON), --check
// (exit 1 when a target fails). Targets are the issue's; they live here, never in timed tests.
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startLabProcess} from './lab-process.mjs';
import {describeMachine} from './machine.mjs';
import {median, timeInterleaved, timeOnce} from './measure.mjs';
import {measurePackage} from './package-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
	const index = process.argv.indexOf(name);
	return index === -1 ? fallback : process.argv[index + 1];
};

const runs = Number(option('--runs', 15));
const warmup = Number(option('--warmup', 2));
const bin = path.resolve(option('--bin', path.join(root, 'bin/fix403.js')));
const node = process.execPath;
const hasCurl = spawnSync('curl', ['--version'], {stdio: 'ignore'}).status === 0;

const machine = describeMachine();
const lab = await startLabProcess(bin);
let times;
let rssKb;
let cpu;
let diagnosis;
try {
	const target = lab.paths.find(path => path.cause === 'directory-index-missing');
	const diagnose = [bin, ...target.args, '--json'];
	diagnosis = {url: target.url, probes: JSON.parse(timeOnce(node, diagnose).stdout).probes.length};
	const commands = [
		{name: 'node', command: node, args: ['-e', '0']},
		{name: 'version', command: node, args: [bin, '--version']},
		{name: 'diagnose', command: node, args: diagnose},
		...(hasCurl ? [{name: 'curl', command: 'curl', args: ['-s', '-o', '/dev/null', target.url]}] : []),
	];
	times = timeInterleaved(commands, {runs, warmup});

	// Peak RSS and CPU time of the same diagnosis (and CPU time of the floor), written at exit by a preloaded hook.
	const usage = args => {
		const file = path.join(tmpdir(), `fix403-bench-usage-${process.pid}`);
		rmSync(file, {force: true});
		for (let run = 0; run < Math.min(runs, 9); run++) {
			timeOnce(node, ['--require', path.join(root, 'bench/max-rss.cjs'), ...args], {env: {...process.env, FIX403_BENCH_RSS_FILE: file}});
		}

		const lines = readFileSync(file, 'utf8').trim().split('\n').map(line => line.split(' ').map(Number));
		rmSync(file, {force: true});
		return {rssKb: median(lines.map(([rss]) => rss)), cpuMs: median(lines.map(([, cpu]) => cpu)) / 1000};
	};

	const diagnosisUsage = usage(diagnose);
	rssKb = diagnosisUsage.rssKb;
	cpu = {diagnose: diagnosisUsage.cpuMs, node: usage(['-e', '0']).cpuMs};
} finally {
	await lab.stop();
}

const pack = measurePackage(root);
const floor = median(times.node);
const ms = value => `${Math.round(value)} ms`;
const ratio = value => `${(value / floor).toFixed(2)}×`;
const rows = [
	{measure: 'node -e 0 (the floor)', value: ms(floor)},
	{measure: 'fix403 --version', value: ms(median(times.version)), note: ratio(median(times.version)), target: '≤ 1.5× node -e 0', pass: median(times.version) <= 1.5 * floor},
	{measure: `fix403 URL --json (whole diagnosis, ${diagnosis.probes} probes)`, value: ms(median(times.diagnose)), note: ratio(median(times.diagnose)), target: '≤ 4× node -e 0', pass: median(times.diagnose) <= 4 * floor},
	...(times.curl ? [{measure: 'curl -s -o /dev/null URL (one request)', value: ms(median(times.curl)), note: ratio(median(times.curl))}] : []),
	{measure: 'CPU time (user+sys) of the diagnosis', value: ms(cpu.diagnose), note: `${(cpu.diagnose / cpu.node).toFixed(2)}× node -e 0's ${Math.round(cpu.node)} ms`},
	{measure: 'peak RSS of the headless diagnosis', value: `${(rssKb * 1024 / 1e6).toFixed(1)} MB`, target: '< 100 MB', pass: rssKb * 1024 < 100e6},
	{measure: 'packed tarball (npm pack)', value: `${(pack.bytes / 1e3).toFixed(1)} kB`, note: `${pack.files} files, ${(pack.unpackedBytes / 1e3).toFixed(0)} kB unpacked`, target: '< 1.5 MB', pass: pack.bytes < 1.5e6},
	{measure: 'packages an install pulls', value: String(pack.packages), note: pack.packages === 1 ? 'fix403 itself, no dependencies' : ''},
];

if (process.argv.includes('--json')) {
	process.stdout.write(`${JSON.stringify({machine, runs, warmup, diagnosis, times, cpu, rssKb, pack, rows}, undefined, 2)}\n`);
} else {
	const widths = ['measure', 'value', 'note', 'target'].map(key => Math.max(key.length, ...rows.map(row => (row[key] ?? '').length)));
	const line = cells => cells.map((cell, index) => (index === 1 ? cell.padStart(widths[index]) : cell.padEnd(widths[index] ?? 0))).join('  ').trimEnd();
	process.stdout.write(`fix403 benchmark — ${runs} runs each after ${warmup} warm-up rounds, medians, loopback (${diagnosis.url})\n`);
	process.stdout.write(`machine: ${machine.line}\n\n`);
	process.stdout.write(`${line(['measure', 'median', '', 'target', 'result'])}\n`);
	for (const row of rows) {
		process.stdout.write(`${line([row.measure, row.value, row.note ?? '', row.target ?? '', row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL'])}\n`);
	}
}

if (process.argv.includes('--check') && rows.some(row => row.pass === false)) {
	process.exitCode = 1;
}
