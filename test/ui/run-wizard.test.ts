import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, expect, test} from 'vitest';
import type {CliIo} from '../../src/cli/main.js';
import {defaultInput, type SessionInput} from '../../src/engine/session-input.js';
import {runWizard, type WizardOptions} from '../../src/ui/run-wizard.js';
import {startLoopback, type Loopback} from '../helpers/loopback.js';
import {waitFor} from '../helpers/wait-for.js';
import {fakeTerminal, type FakeTerminal} from './fake-terminal.js';
import {settle} from './harness.js';
import {builtinFlow} from './builtin.js';
import {botBlock, startHeld} from './servers.js';

let server: (Loopback & {release?: () => void}) | undefined;
let folder: string | undefined;
afterEach(async () => {
	server?.release?.();
	await server?.close();
	server = undefined;
	if (folder) {
		rmSync(folder, {recursive: true, force: true});
		folder = undefined;
	}
});

async function start(input: Partial<SessionInput>, options: Partial<WizardOptions> = {}) {
	const terminal = fakeTerminal();
	const io: CliIo = {argv: [], env: {}, stdin: terminal.stdin, stdout: terminal.stdout, stderr: terminal.stderr};
	folder = mkdtempSync(join(tmpdir(), 'fix403-wizard-'));
	const exit = runWizard({flow: await builtinFlow(), input: {...defaultInput, ...input}, color: false, ...options}, io, {debug: true, cwd: folder});
	const screen = () => terminal.writes().at(-1) ?? '';
	return {terminal, exit, screen, folder, press: async (data: string) => press(terminal, data)};
}

async function press(terminal: FakeTerminal, data: string) {
	await settle();
	terminal.type(data);
}

test('Ctrl-C while checks run aborts the requests in flight, lets go of the terminal and exits 130', async () => {
	const held = await startHeld(botBlock);
	server = held;
	const wizard = await start({role: 'visitor', url: `${held.origin}/slow`, answers: {helping: 'no', consent: 'yes'}});
	await waitFor(() => held.waiting() === 1 && wizard.screen().includes('Sending your request…'));
	expect(wizard.terminal.rawMode()).toBe(true);
	await wizard.press('\u0003');
	expect(await wizard.exit).toBe(130);
	await waitFor(() => held.aborted() === 1);
	expect(wizard.terminal.rawMode()).toBe(false);
	expect(wizard.terminal.writes().at(-1)).toBe('fix403: interrupted; requests in flight were cancelled.\n');
	// The request was never answered and nothing else was sent after the abort.
	expect(held.seen).toHaveLength(1);
});

test('q on the verdict quits with 0 and one summary line; --transcript writes the session', async () => {
	server = await startLoopback(botBlock);
	const wizard = await start({role: 'visitor', url: `${server.origin}/shop`, answers: {helping: 'no', consent: 'yes'}}, {transcript: 'session.json'});
	await waitFor(() => wizard.screen().includes('What next?'));
	await wizard.press('q');
	expect(await wizard.exit).toBe(0);
	const path = join(wizard.folder, 'session.json');
	expect(wizard.terminal.writes().at(-1)).toMatch(new RegExp(`^fix403: diagnosed — Blocked for looking automated .*\\(bot-block, \\d+%\\)\\. Transcript: ${path.replaceAll('.', '\\.')}\\n$`));
	expect(statSync(path).mode & 0o777).toBe(0o600);
	const report = JSON.parse(readFileSync(path, 'utf8')) as {causes: Array<{id: string}>};
	expect(report.causes[0]?.id).toBe('bot-block');
	// The verdict stays on screen above the summary; the actions and key hints are gone.
	const last = wizard.terminal.writes().findLast(write => write.includes('fix403 · ')) ?? '';
	expect(last).toContain('[bot-block');
	expect(last).not.toContain('What next?');
});

test('in support-agent mode a ticket-ready Markdown transcript is always written, and the summary says where', async () => {
	server = await startLoopback(botBlock);
	const wizard = await start({agent: true, role: 'api', url: `${server.origin}/v1/orders`, answers: {source: 'url', consent: 'yes'}});
	await waitFor(() => wizard.screen().includes('What next?'));
	await wizard.press('4');
	expect(await wizard.exit).toBe(0);
	const [name] = readdirSync(wizard.folder);
	expect(name).toMatch(/^fix403-127\.0\.0\.1-\d+-\d{8}-\d{6}\.md$/);
	const path = join(wizard.folder, name!);
	expect(statSync(path).mode & 0o777).toBe(0o600);
	expect(readFileSync(path, 'utf8')).toContain('Blocked for looking automated');
	expect(wizard.terminal.writes().at(-1)).toContain(`Transcript: ${path}`);
});

test('q at a question quits at once, with 0 and a summary that says no verdict was reached', async () => {
	const wizard = await start({});
	await waitFor(() => wizard.screen().includes('Are you troubleshooting'));
	await wizard.press('q');
	expect(await wizard.exit).toBe(0);
	expect(wizard.terminal.writes().at(-1)).toBe('fix403: stopped before a verdict.\n');
	expect(readdirSync(wizard.folder)).toEqual([]);
});

test('an --answer the flow refuses ends the wizard with the engine\'s error, for the CLI to report', async () => {
	const wizard = await start({answers: {helping: 'no', role: 'astronaut'}});
	await expect(wizard.exit).rejects.toThrow(/--answer role: "astronaut" is not one of: visitor, api, owner/);
	expect(wizard.terminal.rawMode()).toBe(false);
});

test('a transcript that cannot be written is reported on stderr in one line and exits 2; the summary still comes', async () => {
	server = await startLoopback(botBlock);
	const wizard = await start({role: 'visitor', url: `${server.origin}/shop`, answers: {helping: 'no', consent: 'yes'}}, {transcript: 'no-such-folder/session.md'});
	await waitFor(() => wizard.screen().includes('What next?'));
	await wizard.press('q');
	expect(await wizard.exit).toBe(2);
	expect(wizard.terminal.errors()).toMatch(/^fix403: Cannot write the transcript to .*no-such-folder\/session\.md: ENOENT\.\n$/);
	expect(wizard.terminal.writes().at(-1)).toMatch(/^fix403: diagnosed — .*\(bot-block, \d+%\)\.\n$/);
});
