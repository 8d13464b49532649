import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {startLoopback, type Loopback} from '../helpers/loopback.js';
import {builtinFlow} from './builtin.js';
import {keys, mountWizard, type Mounted} from './harness.js';
import {botBlock} from './servers.js';

let server: Loopback | undefined;
let wizard: Mounted | undefined;
let folder: string | undefined;
afterEach(async () => {
	wizard?.unmount();
	wizard = undefined;
	cleanup();
	await server?.close();
	server = undefined;
	if (folder) {
		rmSync(folder, {recursive: true, force: true});
	}
});

async function verdict(): Promise<Mounted> {
	server = await startLoopback(botBlock);
	folder = mkdtempSync(join(tmpdir(), 'fix403-export-'));
	const mounted = mountWizard({flow: await builtinFlow(), cwd: folder, input: {role: 'visitor', url: `${server.origin}/shop?token=s3cr3t-value`, answers: {helping: 'no', consent: 'yes'}}});
	await mounted.waitFor('What next?');
	return mounted;
}

test('e exports the transcript: Markdown by default, under fix403-<host>-<time>.md, readable by the owner only', async () => {
	wizard = await verdict();
	await wizard.press('e');
	await wizard.waitFor('Which format?');
	await wizard.press(keys.enter);
	const asked = await wizard.waitFor(/Save as \(Enter to write\):\n› fix403-127\.0\.0\.1-\d+-\d{8}-\d{6}\.md/);
	expect(asked).toContain('Esc cancels.');
	await wizard.press(keys.enter);
	const done = await wizard.waitFor('⇩ Exported to ');
	const [name] = readdirSync(folder!);
	const path = join(folder!, name!);
	expect(done).toContain(`⇩ Exported to ${path}`);
	expect(done).not.toContain('Which format?');
	expect(statSync(path).mode & 0o777).toBe(0o600);
	const markdown = readFileSync(path, 'utf8');
	expect(markdown).toContain('Blocked for looking automated');
	expect(markdown).not.toContain('s3cr3t-value');
});

test('another format and path can be chosen, and a path that cannot be written is refused in place', async () => {
	wizard = await verdict();
	await wizard.press('e');
	await wizard.waitFor('Which format?');
	await wizard.press('2');
	await wizard.waitFor(/› fix403-.*\.json/);
	// Clear the proposed name (Backspace on the empty field would go back to the formats) and type a path.
	const proposed = /› (fix403-\S+\.json)/.exec(wizard.frame())![1]!;
	for (const _ of proposed) {
		await wizard.press(keys.backspace);
	}

	await wizard.press('missing-folder/report.json');
	await wizard.press(keys.enter);
	const refused = await wizard.waitFor(/✗ Cannot write the transcript to .*missing-folder\/report\.json/);
	// What was typed stays in the field, to be corrected.
	expect(refused).toContain('› missing-folder/report.json');
	await wizard.press(keys.ctrlA);
	for (const _ of 'missing-folder/') {
		await wizard.press(keys.right);
	}

	for (const _ of 'missing-folder/') {
		await wizard.press(keys.backspace);
	}

	await wizard.waitFor('› ▌report.json');
	await wizard.press(keys.enter);
	await wizard.waitFor(`⇩ Exported to ${join(folder!, 'report.json')}`);
	const report = JSON.parse(readFileSync(join(folder!, 'report.json'), 'utf8')) as {schema: string; causes: Array<{id: string}>};
	expect(report.schema).toBe('fix403/report@1');
	expect(report.causes[0]?.id).toBe('bot-block');
});

test('Esc closes the export without writing anything', async () => {
	wizard = await verdict();
	await wizard.press('e');
	await wizard.waitFor('Which format?');
	await wizard.press(keys.escape);
	await wizard.waitFor(() => !wizard!.frame().includes('Which format?'));
	expect(wizard.frame()).toContain('What next?');
	expect(readdirSync(folder!)).toEqual([]);
});
