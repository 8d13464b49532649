import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, expect, test} from 'vitest';
import {requireTmux, startPty, type Pty} from '../helpers/pty.js';
import {binPath} from '../helpers/run-cli.js';
import {waitFor} from '../helpers/wait-for.js';
import {botBlock, startHeld} from './servers.js';

/*
The real CLI (bin/fix403.js, built by `npm test` before the tests run) in a real pseudo-terminal: tmux sends
the keys a terminal sends, and the pane shows what a person would see. /bin/sh runs the CLI, then prints its
exit status and `stty -a`, then reads a line: if the terminal was left in raw mode, without echo, the
typed line would not show and `read` would not return on Enter.
*/

const built = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
let pty: Pty | undefined;
let folder: string | undefined;
let cleanups: Array<() => Promise<void>> = [];

beforeAll(() => {
	requireTmux();
	if (!existsSync(built)) {
		throw new Error('dist/cli.js is missing: run `npm run build` first (`npm test` builds before testing)');
	}
});

afterEach(async () => {
	pty?.close();
	pty = undefined;
	await Promise.all(cleanups.map(async cleanup => cleanup()));
	cleanups = [];
	if (folder) {
		rmSync(folder, {recursive: true, force: true});
		folder = undefined;
	}
});

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/**
Runs the CLI as a person would, nothing inherited from the test runner: `CI=false` so Ink does not render as
in CI; for colour, no CI variable at all, since chalk (supports-color) turns colour off when `CI` is set to
anything.
*/
function runInTerminal(args: readonly string[], {color}: {color: boolean}): Pty {
	folder = mkdtempSync(join(tmpdir(), 'fix403-pty-'));
	const cli = [process.execPath, binPath, ...args].map(quote).join(' ');
	return startPty(
		`cd ${quote(folder)} && env -u FORCE_COLOR -u NO_COLOR -u CI ${color ? '' : 'CI=false NO_COLOR=1 '}${cli}; echo "EXIT=$?"; stty -a; printf 'shell> '; read line; echo "got:[$line]"`,
	);
}

/** After the CLI ended: the cursor is back, the terminal is in line mode with echo, and the shell reads a line. */
async function expectTerminalRestored(terminal: Pty): Promise<void> {
	const settings = await terminal.waitFor('shell> ');
	expect(terminal.cursorVisible()).toBe(true);
	const stty = settings.slice(settings.lastIndexOf('speed '));
	expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
	expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
	expect(stty).toMatch(/(^|\s)isig(\s|$)/m);
	terminal.paste('still usable');
	terminal.keys('Enter');
	await terminal.waitFor('shell> still usable\ngot:[still usable]');
}

test('arrow keys, Enter and a multi-line paste drive the real CLI; quitting leaves a usable terminal', async () => {
	pty = runInTerminal(['--agent', '--role', 'visitor'], {color: false});
	await pty.waitFor('What has the customer given you from the failing request?');
	// Ink hides the cursor while it draws; quitting must show it again (checked at the end).
	expect(pty.cursorVisible()).toBe(false);
	await pty.waitFor('❯ 3. Only the URL');
	pty.keys('Up');
	await pty.waitFor('❯ 2. A HAR file');
	pty.keys('Up');
	await pty.waitFor('❯ 1. Pasted response headers');
	pty.keys('Enter');
	await pty.waitFor('Ask the customer for the response headers');

	// What DevTools' "Copy response headers" and the page give for a Cloudflare rule block, pasted at once; tmux
	// writes it in one burst, line breaks included, as a terminal does with a paste.
	// (Shape from developers.cloudflare.com/support/troubleshooting/cloudflare-errors/troubleshooting-cloudflare-1xxx-errors/)
	pty.paste(
		[
			'HTTP/2 403',
			'date: Tue, 25 Nov 2026 10:00:00 GMT',
			'content-type: text/html; charset=UTF-8',
			'server: cloudflare',
			'cf-ray: 8e4f2b1c9d3a5f60-AMS',
			'',
			'<title>Attention Required! | Cloudflare</title>',
			'<h1>Sorry, you have been blocked</h1><span class="cf-error-code">1020</span>',
		].join('\n'),
	);
	await pty.waitFor('│ cf-ray: 8e4f2b1c9d3a5f60-AMS');
	await pty.waitFor('8 lines; Enter on an empty line');
	pty.keys('Enter');
	await pty.waitFor('9 lines; Enter on an empty line');
	pty.keys('Enter');
	await pty.waitFor('› (pasted 8 lines)');
	const verdict = await pty.waitFor('What next?');
	expect(verdict).toContain('cloudflare');
	pty.keys('q');
	const end = await pty.waitFor(/EXIT=\d+/);
	expect(end).toContain('EXIT=0');
	expect(end).toMatch(/^fix403: diagnosed — .+Transcript: .+\.md$/m);
	// Support-agent mode wrote the ticket-ready transcript where the CLI ran.
	const [written] = readdirSync(folder!).filter(name => name.endsWith('.md'));
	const ticket = readFileSync(join(folder!, written!), 'utf8');
	expect(ticket).toContain('waf-rule-block');
	expect(ticket).toContain('8e4f2b1c9d3a5f60');
	await expectTerminalRestored(pty);
});

test('Ctrl-C while checks run cancels the requests in flight, exits 130 and restores the terminal', async () => {
	const server = await startHeld(botBlock);
	cleanups.push(async () => {
		server.release();
		await server.close();
	});
	pty = runInTerminal([`${server.origin}/img/logo.png`, '--role', 'visitor', '--answer', 'helping=no', '--answer', 'consent=yes'], {color: false});
	await pty.waitFor('Sending your request…');
	await waitFor(() => server.waiting() === 1);
	pty.keys('C-c');
	const end = await pty.waitFor(/EXIT=\d+/);
	expect(end).toContain('fix403: interrupted; requests in flight were cancelled.');
	expect(end).toContain('EXIT=130');
	await waitFor(() => server.aborted() === 1);
	expect(server.seen).toHaveLength(1);
	await expectTerminalRestored(pty);
});

test('NO_COLOR leaves every colour and style code out; without it the wizard is coloured', async () => {
	const sgr = /\u001B\[[\d;]*m/;
	pty = runInTerminal(['--role', 'visitor'], {color: false});
	await pty.waitFor('Are you troubleshooting');
	expect(pty.screen({escapes: true})).not.toMatch(sgr);
	pty.keys('q');
	await pty.waitFor('EXIT=0');
	pty.close();

	pty = runInTerminal(['--role', 'visitor'], {color: true});
	await pty.waitFor('Are you troubleshooting');
	expect(pty.screen({escapes: true})).toMatch(sgr);
	pty.keys('q');
	await pty.waitFor('EXIT=0');
});
