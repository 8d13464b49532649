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

async function toVerdict(mounted: Mounted): Promise<void> {
	await mounted.waitFor('Are you troubleshooting');
	await mounted.press('n');
	await mounted.waitFor('Go ahead?');
	await mounted.press('y');
	await mounted.waitFor('What next?');
}

test('after the fix, "check again" re-sends the request and says the 403 is gone', async () => {
	let fixed = false;
	server = await startLoopback((request, response) => {
		if (fixed) {
			response.end('welcome');
		} else {
			botBlock(request, response);
		}
	});
	wizard = mountWizard({flow: await builtinFlow(), input: {role: 'visitor', url: `${server.origin}/shop`}});
	await toVerdict(wizard);
	const before = server.seen.length;
	fixed = true;
	await wizard.press(keys.enter);
	// The earlier answers are reused; the flow asks only what the new result raises.
	await wizard.waitFor('Your request answered 200 from here. Does it still fail where you are');
	expect(wizard.frame()).toContain('↻ Checking again with the same answers');
	await wizard.press('n');
	const after = await wizard.waitFor('Checked again: The 403 is gone: the request works now (it answered 200).');
	expect(after).toContain('Not reproduced');
	expect(after).toContain('No longer seen:');
	expect(after).toMatch(/✓ With a browser User-Agent the same request answered 200 OK/);
	expect(server.seen.length).toBeGreaterThan(before);
});

test('when the fix did not help, "check again" says which evidence still stands', async () => {
	server = await startLoopback(botBlock);
	wizard = mountWizard({flow: await builtinFlow(), input: {role: 'visitor', url: `${server.origin}/shop`}});
	await toVerdict(wizard);
	const requestsBefore = server.seen.length;
	await wizard.press('1');
	const after = await wizard.waitFor(/Checked again: It still fails \(it answered 403\), for the same reason: Blocked for looking\s+automated/);
	expect(after).toMatch(/Still stands:\n\s+✗ With a browser User-Agent the same request answered 200 OK/);
	expect(after).toContain('[bot-block');
	// It really sent the requests again, with a fresh budget.
	expect(server.seen.length).toBe(2 * requestsBefore);
});
