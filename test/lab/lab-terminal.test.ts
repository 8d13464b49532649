import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, expect, test} from 'vitest';
import {requireTmux, startPty, type Pty} from '../helpers/pty.js';
import {binPath} from '../helpers/run-cli.js';
import {send} from './send.js';

/*
`fix403 lab` in a real pseudo-terminal (tmux): the menu, the wizard on the chosen path with that path's
request, and the end — the process exits (the lab's server does not keep it alive), with the wizard's status,
and the terminal is usable again.
*/

const built = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
let pty: Pty | undefined;

beforeAll(() => {
	requireTmux();
	if (!existsSync(built)) {
		throw new Error('dist/cli.js is missing: run `npm run build` first (`npm test` builds before testing)');
	}
});

afterEach(() => {
	pty?.close();
	pty = undefined;
});

const quote = (word: string) => `'${word.replaceAll('\'', '\'\\\'\'')}'`;

function labInTerminal(args: readonly string[]): Pty {
	const cli = [process.execPath, binPath, 'lab', ...args].map(quote).join(' ');
	return startPty(`env -u FORCE_COLOR -u CI CI=false NO_COLOR=1 ${cli}; echo "EXIT=$?"; stty -a; printf 'shell> '; read line; echo "got:[$line]"`);
}

async function menuOrigin(terminal: Pty): Promise<string> {
	const screen = await terminal.waitFor(/broken paths on http:\/\/127\.0\.0\.1:\d+/);
	return /broken paths on (http:\/\/127\.0\.0\.1:\d+)/.exec(screen)![1]!;
}

async function expectUsableShell(terminal: Pty): Promise<void> {
	const settings = await terminal.waitFor('shell> ');
	expect(settings.slice(settings.lastIndexOf('speed '))).toMatch(/(^|\s)icanon(\s|$)/m);
	terminal.paste('ok');
	terminal.keys('Enter');
	await terminal.waitFor('got:[ok]');
}

test('choosing a path opens the wizard with that path\'s request; quitting the wizard stops the lab', async () => {
	pty = labInTerminal(['--role', 'visitor', '--answer', 'helping=no', '--answer', 'consent=yes']);
	const origin = await menuOrigin(pty);
	expect((await send(`${origin}/feed.xml`, {headers: [['User-Agent', 'python-requests/2.32.3']]})).status).toBe(403);
	await pty.waitFor('3. User-agent rule against scripts');
	pty.keys('3');
	await pty.waitFor(`Lab: User-agent rule against scripts — ${origin}/feed.xml`);
	// The wizard sent the path's own request (python-requests), then a browser's: the user agent decides.
	const verdict = await pty.waitFor('What next?', {timeoutMs: 30_000});
	expect(verdict).toContain('bot-block');
	pty.keys('q');
	const end = await pty.waitFor(/EXIT=\d+/);
	expect(end).toContain('EXIT=0');
	expect(end).toMatch(/^fix403: diagnosed/m);
	await expect(send(`${origin}/feed.xml`)).rejects.toThrow(/ECONNREFUSED/);
	await expectUsableShell(pty);
});

test('Ctrl-C in the menu leaves with 130 and stops the lab', async () => {
	pty = labInTerminal([]);
	const origin = await menuOrigin(pty);
	pty.keys('C-c');
	const end = await pty.waitFor(/EXIT=\d+/);
	expect(end).toContain('Lab closed.');
	expect(end).toContain('EXIT=130');
	await expect(send(`${origin}/`)).rejects.toThrow(/ECONNREFUSED/);
	await expectUsableShell(pty);
});

test('Ctrl-C in the wizard ends it with 130 and stops the lab', async () => {
	pty = labInTerminal([]);
	const origin = await menuOrigin(pty);
	pty.keys('Down', 'Enter');
	await pty.waitFor('Are you troubleshooting this for someone else');
	pty.keys('C-c');
	const end = await pty.waitFor(/EXIT=\d+/);
	expect(end).toContain('EXIT=130');
	await expect(send(`${origin}/`)).rejects.toThrow(/ECONNREFUSED/);
	await expectUsableShell(pty);
});
