import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const binPath = fileURLToPath(new URL('../../bin/fix403.js', import.meta.url));

export type CliResult = {code: number | null; stdout: string; stderr: string};

/** Runs the built CLI (`bin/fix403.js`) as a user would, without a terminal. */
export async function runCli(
	args: readonly string[],
	options: {input?: string; env?: Record<string, string>; cwd?: string} = {},
): Promise<CliResult> {
	const child = spawn(process.execPath, [binPath, ...args], {
		cwd: options.cwd,
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
	child.stdin.end(options.input ?? '');
	const code = await new Promise<number | null>(resolve => {
		child.on('close', resolve);
	});
	return {code, stdout, stderr};
}

/** Runs the CLI with `--json` and parses the report. */
export async function runJson(args: readonly string[], options?: Parameters<typeof runCli>[1]) {
	const result = await runCli([...args, '--json'], options);
	if (result.code !== 0) {
		throw new Error(`fix403 exited ${result.code}: ${result.stderr}`);
	}

	return JSON.parse(result.stdout) as import('../../src/report/types.js').Report;
}
