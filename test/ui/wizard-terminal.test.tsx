import {afterEach, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {startLoopback, type Loopback} from '../helpers/loopback.js';
import {builtinFlow} from './builtin.js';
import {keys, mountWizard, type Mounted} from './harness.js';
import {botBlock, startHostile} from './servers.js';

let closers: Array<() => Promise<void>> = [];
let wizard: Mounted | undefined;
afterEach(async () => {
	wizard?.unmount();
	wizard = undefined;
	cleanup();
	await Promise.all(closers.map(async close => close()));
	closers = [];
});

const escapes = /[\u001B\u0007\u009B\u009D]/;

test('escape sequences a server sends never reach the terminal: the window title and the screen stay as they are', async () => {
	const hostile = await startHostile();
	closers.push(hostile.close);
	wizard = mountWizard({flow: await builtinFlow(), input: {role: 'visitor', url: `${hostile.origin}/admin`, answers: {'private-window': 'no', network: 'usual'}}});
	await wizard.waitFor('Are you troubleshooting');
	await wizard.press('n');
	await wizard.waitFor('Go ahead?');
	await wizard.press('y');
	const verdict = await wizard.waitFor('What next?');
	// The reason phrase carried an OSC (retitle the window) and a CSI (clear the screen); only its text is left.
	expect(verdict).toContain('GET /admin as you sent it — answered 403 Forbidden');
	for (const frame of wizard.frames()) {
		expect(frame).not.toMatch(escapes);
		expect(frame).not.toContain('pwned');
	}
});

test('at 60 columns no line is wider than the terminal, long URLs and curl commands included', async () => {
	const server: Loopback = await startLoopback(botBlock);
	closers.push(server.close);
	const url = `${server.origin}/downloads/2024/quarterly-reports/finance/very-long-file-name-for-the-board.pdf?version=3&lang=en`;
	wizard = mountWizard({flow: await builtinFlow(), columns: 60, input: {url}});
	await wizard.waitFor('Are you troubleshooting');
	await wizard.press('n');
	await wizard.waitFor('Who are you');
	await wizard.press(keys.enter);
	await wizard.waitFor('Go ahead?');
	await wizard.press('y');
	const verdict = await wizard.waitFor('What next?');
	expect(verdict).toContain('[bot-block');
	expect(verdict).toContain('curl -sS -i');
	await wizard.press('?');
	await wizard.waitFor('Keys:');
	const tooWide = wizard.frames().flatMap(frame => frame.split('\n').filter(line => [...line].length > 60));
	expect(tooWide).toEqual([]);
	// Something was wide enough to need it: the URL alone is longer than the terminal.
	expect(url.length).toBeGreaterThan(60);
});
