import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {runCli} from './helpers/run-cli.js';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};

test('--version prints the package version and exits 0', async () => {
	const result = await runCli(['--version']);
	expect(result.code).toBe(0);
	expect(result.stdout.trim()).toBe(version);
});

test('a headless run with nothing to diagnose says how to give the URL, in one line, exit 2', async () => {
	const result = await runCli(['--yes']);
	expect(result.code).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.stderr).toBe('fix403: the question "url" (Which URL answers 403?) needs an answer: give the URL (fix403 URL), or --answer url=VALUE\n');
});

test('--help prints the usage and every option group, exit 0', async () => {
	const result = await runCli(['--help']);
	expect(result.code).toBe(0);
	expect(result.stdout).toMatch(/^fix403 — find out why a web request answers 403 Forbidden/);
	for (const option of ['--json', '--yes', '--role', '--har', '--headers-file', '--transcript', '--no-probe', '--nginx-conf']) {
		expect(result.stdout).toContain(option);
	}
});
