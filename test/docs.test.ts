import {readFileSync} from 'node:fs';
import {expect, test} from 'vitest';
import {checks} from '../src/checks/registry.js';
import {causeIds} from '../src/diagnosis/cause-ids.js';
import {guards} from '../src/machine/guards/index.js';
import {helpText} from '../src/cli/help.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');
const flowsReadme = read('flows/README.md');
const parseArgsSource = read('src/cli/parse-args.ts');
const longOptions = [...parseArgsSource.matchAll(/^\t'?([a-z][a-z-]+)'?: \{type: '(?:string|boolean)'/gm)].map(match => match[1]!);

test('the flow README documents every check and guard a flow may name', () => {
	for (const name of [...Object.keys(checks), ...Object.keys(guards)]) {
		expect(flowsReadme, name).toContain(`| \`${name}\` |`);
	}
});

test('the README and --help document every command-line option', () => {
	expect(longOptions.length).toBeGreaterThan(25);
	for (const option of longOptions) {
		expect(readme, option).toContain(`--${option}`);
		expect(helpText, option).toContain(`--${option}`);
	}
});

test('the README lists every cause id of the contract', () => {
	for (const id of causeIds) {
		expect(readme, id).toContain(`| \`${id}\` |`);
	}
});
