import {spawn} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import path from 'node:path';
import {binPath} from '../helpers/run-cli.js';
import {waitFor} from '../helpers/wait-for.js';
import {loadedModules, uiChunks} from './loaded-modules.js';
import {send} from './send.js';

type Running = {stdout: () => string; stderr: () => string; pid: number; exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>};

/** `fix403 lab …` as a child process without a terminal (stdout and stdin are pipes). */
function startLabCommand(args: readonly string[], env: Record<string, string> = {}): Running {
	const child = spawn(process.execPath, [binPath, 'lab', ...args], {stdio: ['pipe', 'pipe', 'pipe'], env: {...process.env, NO_COLOR: '1', ...env}});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(resolve => {
		child.on('exit', (code, signal) => {
			resolve({code, signal});
		});
	});
	return {stdout: () => stdout, stderr: () => stderr, pid: child.pid!, exited};
}

describe('fix403 lab without a terminal', () => {
	it('prints where it runs and each path with its cause and command, serves, and stops cleanly on SIGINT', async () => {
		const lab = startLabCommand([]);
		const listing = await waitFor(() => /Open (http:\/\/127\.0\.0\.1:\d+)\/ in a browser/.exec(lab.stdout()));
		const origin = listing[1]!;
		const text = lab.stdout();
		expect(text).toContain(`fix403 lab on ${origin} — loopback only; Ctrl-C stops it.`);
		for (const cause of ['waf-challenge', 'bot-block', 'hotlink-protection', 'signed-url-expired', 'insufficient-scope', 'directory-index-missing', 'rate-limited', 'geo-block']) {
			expect(text).toMatch(new RegExp(`^ *\\d+\\. ${cause} +\\S`, 'm'));
		}

		expect(text).toContain(`fix403 '${origin}/feed.xml' --user-agent 'python-requests/2.32.3'`);
		expect((await send(`${origin}/files/`)).status).toBe(403);
		expect((await send(`${origin}/feed.xml`, {headers: [['User-Agent', 'curl/8.5.0']]})).status).toBe(403);
		process.kill(lab.pid, 'SIGINT');
		expect(await lab.exited).toEqual({code: 0, signal: null});
		expect(lab.stderr()).toBe('fix403 lab: SIGINT, stopped after 2 requests.\n');
		await expect(send(`${origin}/files/`)).rejects.toThrow(/ECONNREFUSED/);
	});

	it('with --json prints one JSON line for scripts, and stops on SIGTERM too', async () => {
		const lab = startLabCommand(['--json']);
		const line = await waitFor(() => (lab.stdout().includes('\n') ? lab.stdout().split('\n')[0] : undefined));
		const listing = JSON.parse(line!) as {schema: string; origin: string; paths: Array<{cause: string; url: string; args: string[]; curl: string}>};
		expect(listing.schema).toBe('fix403/lab@1');
		expect(listing.paths.length).toBeGreaterThanOrEqual(12);
		for (const path of listing.paths) {
			expect(path.url.startsWith(`${listing.origin}/`)).toBe(true);
			expect(path.args[0]).toBe(path.url);
			expect(path.curl).toMatch(/^curl -sS -i /);
		}

		process.kill(lab.pid, 'SIGTERM');
		expect(await lab.exited).toEqual({code: 0, signal: null});
		expect(lab.stderr()).toMatch(/^fix403 lab: SIGTERM, stopped after 0 requests\.\n$/);
	});

	it('does not load the Ink UI', async () => {
		const lab = startLabCommand(['--json'], {NODE_DEBUG: 'esm'});
		await waitFor(() => lab.stdout().includes('\n'));
		process.kill(lab.pid, 'SIGINT');
		await lab.exited;
		const loaded = loadedModules(lab.stderr());
		// The trace works (it shows the entry and the lab), and the build has UI chunks to avoid.
		expect(loaded.some(url => url.endsWith('/dist/cli.js'))).toBe(true);
		expect(loaded.some(url => /\/run-lab-\w+\.js$/.test(url))).toBe(true);
		const ui = uiChunks(path.join(path.dirname(binPath), '../dist'));
		expect(ui.length).toBeGreaterThan(0);
		expect(loaded.filter(url => ui.includes(url) || /pick-lab-path|run-wizard/.test(url))).toEqual([]);
	});
});
