import {afterEach, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {startLoopback, type Loopback} from '../helpers/loopback.js';
import {builtinFlow} from './builtin.js';
import {keys, mountWizard, type Mounted} from './harness.js';
import {botBlock} from './servers.js';

let server: Loopback | undefined;
let wizard: Mounted | undefined;
afterEach(async () => {
	wizard?.unmount();
	wizard = undefined;
	cleanup();
	await server?.close();
	server = undefined;
});

test('with --agent the questions are phrased for a support agent to relay', async () => {
	server = await startLoopback(botBlock);
	wizard = mountWizard({flow: await builtinFlow(), input: {agent: true}});
	const first = await wizard.waitFor('Who is the customer in this story?');
	expect(first).toContain('[support-agent mode]');
	// The "helping someone else" question was answered by --agent and is in the log as such.
	expect(first).toContain('› Yes (given on the command line)');
	await wizard.press(keys.enter);
	await wizard.waitFor('What has the customer given you from the failing request?');
	await wizard.press(keys.enter);
	await wizard.waitFor('Which URL does the customer get 403 on?');
	await wizard.press(`${server.origin}/account`);
	await wizard.press(keys.enter);
	const consent = await wizard.waitFor("from this machine's network (not the");
	expect(consent).not.toContain('Which URL answers 403?');
	expect(server.seen).toHaveLength(0);
	await wizard.press('y');
	await wizard.waitFor('[bot-block');
});

test('choosing "someone else" switches to the agent phrasing; a multi-line paste arrives as one chunk and ends on an empty line', async () => {
	wizard = mountWizard({flow: await builtinFlow()});
	await wizard.waitFor('Are you troubleshooting this for someone else');
	await wizard.press('y');
	await wizard.waitFor('Who is the customer in this story?');
	await wizard.press('1');
	await wizard.waitFor('What has the customer given you');
	await wizard.press('1');
	await wizard.waitFor('Ask the customer for the response headers');

	// A terminal delivers a paste in one read, with CR LF line ends inside. (No escape sequence in it: Ink 6.8
	// splits one out of the chunk and its useInput crashes on a CSI it does not know, before any handler runs.)
	await wizard.press('HTTP/2 403\r\nserver: cloudflare\r\ncf-ray: 8f1c2a3b4d5e6f70-AMS\r\n\r\n<title>Attention Required!</title>');
	const pasted = await wizard.waitFor('│ server: cloudflare');
	expect(pasted).toContain('│ HTTP/2 403');
	expect(pasted).toContain('│ <title>Attention Required!</title>');
	expect(pasted).toContain('5 lines;');
	// Enter ends the last line; Enter on the empty line after it ends the paste.
	await wizard.press(keys.enter);
	await wizard.waitFor('6 lines;');
	await wizard.press(keys.enter);
	const done = await wizard.waitFor('› (pasted 5 lines)');
	expect(wizard.session.view().context.answers['headers']).toBe(
		'HTTP/2 403\nserver: cloudflare\ncf-ray: 8f1c2a3b4d5e6f70-AMS\n\n<title>Attention Required!</title>',
	);
	// The paste field is gone; the log keeps a one-line summary of it, not the pasted text.
	expect(done).not.toContain('│ server: cloudflare');
	expect(done).not.toContain('cf-ray: 8f1c2a3b4d5e6f70-AMS');
});

test('Ctrl-D ends a paste too, and Backspace on an empty paste goes back', async () => {
	wizard = mountWizard({flow: await builtinFlow(), input: {agent: true, role: 'api'}});
	await wizard.waitFor('What has the customer given you');
	await wizard.press('1');
	await wizard.waitFor('Ask the customer for the response headers');
	await wizard.press(keys.backspace);
	await wizard.waitFor(/↩ Back to the previous question\n\n\? What has the customer given you/);
	await wizard.press('1');
	await wizard.waitFor('Paste here;');
	await wizard.press('HTTP/1.1 403 Forbidden\nServer: nginx');
	await wizard.waitFor('│ Server: nginx');
	await wizard.press(keys.ctrlD);
	await wizard.waitFor('› (pasted 2 lines)');
	expect(wizard.session.view().context.answers['headers']).toBe('HTTP/1.1 403 Forbidden\nServer: nginx');
});
