import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {runCli} from './helpers/run-cli.js';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};

test('--version prints the package version and exits 0', async () => {
	const result = await runCli(['--version']);
	expect(result.code).toBe(0);
	expect(result.stdout.trim()).toBe(version);
});
