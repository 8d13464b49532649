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

/** The part of the frame below the printed log: the live step. */
const liveStep = (frame: string) => frame.slice(frame.lastIndexOf('\n? '));

test('a URL that is not one is refused in place, with the reason, and can be corrected there', async () => {
	server = await startLoopback(botBlock);
	wizard = mountWizard({flow: await builtinFlow(), input: {role: 'visitor'}});
	await wizard.waitFor('Are you troubleshooting');
	await wizard.press('n');
	await wizard.waitFor('Which URL answers 403?');
	const address = `127.0.0.1:${server.port}/private/report.pdf`;
	await wizard.press(address);
	await wizard.press(keys.enter);
	const refused = await wizard.waitFor(`✗ "${address}" is not a valid URL`);
	// Still the same question, with what was typed kept for editing; nothing was sent.
	expect(liveStep(refused)).toContain('Which URL answers 403?');
	expect(liveStep(refused)).toContain(`› ${address}`);
	expect(server.seen).toHaveLength(0);

	await wizard.press(keys.ctrlA);
	await wizard.press('http://');
	// The cursor (a bar without colour) sits after what was typed at the start.
	await wizard.waitFor(`› http://▌${address}`);
	await wizard.press(keys.enter);
	const consent = await wizard.waitFor('Go ahead?');
	expect(consent).not.toContain('is not a valid URL');
	expect(consent).toContain(`› http://${address}`);
});

test('b and Backspace on an empty field go back one question, and the machine goes back with them', async () => {
	wizard = mountWizard({flow: await builtinFlow()});
	await wizard.waitFor('Are you troubleshooting');
	await wizard.press('n');
	await wizard.waitFor('Who are you in this story?');
	await wizard.press('2');
	await wizard.waitFor('Which URL answers 403?');
	expect(wizard.session.view().context.answers).toMatchObject({role: 'api'});

	await wizard.press(keys.backspace);
	// Back at the question, with the answer given before highlighted.
	const back = await wizard.waitFor(/↩ Back to the previous question\n\n\? Who are you in this story\?\n {2}1\. .*\n❯ 2\. /);
	expect(liveStep(back)).not.toContain('Which URL');
	expect(wizard.session.view().context.answers).not.toHaveProperty('role');

	await wizard.press('b');
	const first = await wizard.waitFor(/↩ Back to the previous question[\s\S]*↩ Back to the previous question[\s\S]*\? Are you troubleshooting/);
	// The answer given before is what Enter takes now.
	expect(liveStep(first)).toContain('(y/N)');
	expect(wizard.session.view().context.answers).toEqual({});

	// Answering again goes forward from there, and the log records the new answer.
	await wizard.press('y');
	await wizard.waitFor('Who is the customer in this story?');
	expect(wizard.session.view().context.answers).toEqual({helping: 'yes'});
});

test('r starts over from the first question and forgets the answers', async () => {
	wizard = mountWizard({flow: await builtinFlow()});
	await wizard.waitFor('Are you troubleshooting');
	await wizard.press('n');
	await wizard.waitFor('Who are you in this story?');
	await wizard.press('3');
	await wizard.waitFor('Which URL answers 403?');
	// In a text field the letters are text: r types an r.
	await wizard.press('r');
	await wizard.waitFor('› r');
	await wizard.press(keys.backspace);
	await wizard.press(keys.backspace);
	await wizard.waitFor('Who are you in this story?');
	await wizard.press('r');
	const restarted = await wizard.waitFor(/↺ Starting over[\s\S]*\? Are you troubleshooting/);
	expect(liveStep(restarted)).toContain('(y/N)');
	expect(wizard.session.view().context.answers).toEqual({});
	expect(wizard.session.view().canGoBack).toBe(false);
});

test('? shows the help the flow file gives for the current question, and hides it again', async () => {
	wizard = mountWizard({flow: await builtinFlow()});
	await wizard.waitFor('Are you troubleshooting');
	await wizard.press('n');
	await wizard.waitFor('Who are you in this story?');
	await wizard.press('?');
	await wizard.waitFor('A visitor gets what a visitor can do');
	await wizard.press('?');
	await wizard.waitFor(() => !wizard!.frame().includes('A visitor gets what a visitor can do'));
	// In a text field, ? on an empty field is help too (no URL starts with it).
	await wizard.press('1');
	await wizard.waitFor('Which URL answers 403?');
	await wizard.press('?');
	await wizard.waitFor('copy it from the address bar');
});
