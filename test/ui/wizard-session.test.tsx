import {afterEach, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import type {Loopback} from '../helpers/loopback.js';
import {builtinFlow} from './builtin.js';
import {keys, mountWizard, type Mounted} from './harness.js';
import {botBlock, startHeld} from './servers.js';

let server: Loopback | undefined;
let wizard: Mounted | undefined;
afterEach(async () => {
	wizard?.unmount();
	wizard = undefined;
	cleanup();
	await server?.close();
	server = undefined;
});

test('a visitor answers the questions, watches the checks and gets a verdict that names the cause', async () => {
	const held = await startHeld(botBlock);
	server = held;
	wizard = mountWizard({flow: await builtinFlow()});
	await wizard.waitFor('Are you troubleshooting this for someone else');
	await wizard.press('n');
	await wizard.waitFor('Who are you in this story?');
	expect(wizard.frame()).toMatch(/❯ 1\. I'm visiting a page/);
	await wizard.press(keys.down);
	await wizard.waitFor(/❯ 2\. I'm calling an API/);
	await wizard.press(keys.up);
	await wizard.waitFor(/❯ 1\. I'm visiting a page/);
	await wizard.press(keys.enter);
	await wizard.waitFor('Which URL answers 403?');
	await wizard.press(`${held.origin}/img/logo.png`);
	await wizard.waitFor(`${held.origin}/img/logo.png`);
	await wizard.press(keys.enter);
	await wizard.waitFor(`send up to 12 requests to 127.0.0.1:${held.port}`);
	await wizard.press(keys.enter);

	const sending = await wizard.waitFor('GET /img/logo.png as you sent it');
	await wizard.waitFor(() => held.waiting() === 1);
	expect(sending).toContain('Sending your request…');
	expect(sending).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] GET \/img\/logo\.png as you sent it/);
	held.release();

	// The variations run side by side, each on its own line with its own spinner.
	const varying = await wizard.waitFor('Changing one thing at a time…');
	await wizard.waitFor(() => held.waiting() >= 3);
	const spinning = wizard.frame().split('\n').filter(line => /^ {2}[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /.test(line));
	expect(varying).toContain('✗ GET /img/logo.png as you sent it — answered 403');
	expect(spinning.length).toBeGreaterThanOrEqual(3);
	held.release();
	await wizard.waitFor(() => held.waiting() === 0 && wizard!.frame().includes('What next?') ? true : (held.release(), false));

	const verdict = wizard.frame();
	expect(verdict).toContain('Diagnosed');
	expect(verdict).toMatch(/✗ .+\[bot-block · \d+%\]/);
	expect(verdict).toContain('What to do (visitor)');
	expect(verdict).toContain('Reproduce');
	expect(verdict).toMatch(/curl -sS -i .*127\.0\.0\.1/);
	// The log above keeps the conversation: questions, answers, one line per check.
	expect(verdict).toContain('› No');
	expect(verdict).toContain("› I'm visiting a page or downloading a file");
	expect(verdict).toContain('✗ Same request with a browser User-Agent — 200 OK');
	expect(verdict).toContain('✓ Same URL with HEAD instead of GET — 403 Forbidden');
});
