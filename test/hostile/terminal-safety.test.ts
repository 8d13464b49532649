import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startWatched, type Watched} from '../helpers/hostile-servers.js';
import {expectReport} from './expect-cli.js';
import {runMeasured} from './run-measured.js';

/*
A server whose body and headers carry terminal escape sequences: CSI (clear screen, colours), OSC 0 (window
title), OSC 8 (a hyperlink whose text hides its target), BEL, and U+202E (right-to-left override, which makes
`exe.png` read as `gnp.exe`). The body carries the 7-bit forms; header values can only carry bytes an HTTP
parser accepts, so they carry the 8-bit C1 forms (0x9B CSI, 0x9D OSC, 0x9C ST) and the UTF-8 bytes of U+202E.
The server's texts are quoted in the evidence (an `insufficient_scope` challenge and a JSON error), so they do
reach the screen — neutralised.
*/

const evil = '\u001B[2J\u001B[31mRED\u001B[0m \u001B]0;pwned-title\u0007 \u001B]8;;https://evil.example/\u001B\\click-here\u001B]8;;\u001B\\ bell\u0007 \u202Egnp.exe <script>alert(1)</script>';
/** A header value as bytes (Node writes header strings as latin1): C1 CSI and OSC, and U+202E in UTF-8. */
const evilHeader = `c1 \u009B2J osc \u009D0;c1-title\u009C ${Buffer.from('bidi \u202Egnp.exe').toString('latin1')}`;

/** C0 controls but tab and newline, DEL, C1 controls. */
// eslint-disable-next-line no-control-regex
const rawControls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

let server: Watched;
let folder: string;
beforeAll(async () => {
	folder = mkdtempSync(path.join(tmpdir(), 'fix403-terminal-'));
	server = await startWatched((_request, response) => {
		response.writeHead(403, `Forbidden ${evilHeader}`, {
			'content-type': 'application/json',
			server: `nginx ${evilHeader}`,
			'x-reason': evilHeader,
			// RFC 6750 §3.1: insufficient_scope with a description; readers quote the description.
			'www-authenticate': `Bearer realm="api", error="insufficient_scope", scope="files:write", error_description="${evilHeader}"`,
		});
		response.end(JSON.stringify({error: 'forbidden', message: `${evil} insufficient_scope: requires the files:write scope ${evil}`}));
	});
});
afterAll(async () => {
	await server.close();
	rmSync(folder, {recursive: true, force: true});
});

function expectSafe(text: string): void {
	expect(text).not.toMatch(rawControls);
	expect(text).not.toMatch(bidiControls);
	expect(text).not.toContain('\u001B');
	expect(text).not.toContain('\u0007');
	expect(text).not.toContain('\u202E');
}

test('the --yes text report and the Markdown transcript show the server\'s text with every escape neutralised', async () => {
	const transcript = path.join(folder, 'session.md');

	const result = await runMeasured([`${server.origin}/files/report`, '--yes', '--token', 'tok-1234567890abcdef', '--transcript', transcript]);

	expect(result.code).toBe(0);
	expect(result.stderr).toBe('');
	expectSafe(result.stdout);
	// The hostile text did reach the screen, made visible instead of obeyed.
	expect(result.stdout).toContain('\\u{202E}gnp.exe');
	expect(result.stdout).toContain('␇');
	expect(result.stdout).toContain('insufficient');

	const markdown = readFileSync(transcript, 'utf8');
	expectSafe(markdown);
	expect(markdown).toContain('gnp.exe');
});

test('the HTML transcript escapes the server\'s markup and carries no control characters', async () => {
	const transcript = path.join(folder, 'session.html');

	expectReport(await runMeasured([`${server.origin}/files/report`, '--json', '--token', 'tok-1234567890abcdef', '--transcript', transcript]));

	const html = readFileSync(transcript, 'utf8');
	expect(html).toContain('gnp.exe');
	expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	expect(html).not.toContain('<script>alert(1)</script>');
	expect(html).not.toMatch(/<script\b/i);
	expectSafe(html);
});
