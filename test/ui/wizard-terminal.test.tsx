import {afterEach, expect, test} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {startLoopback, type Loopback} from '../helpers/loopback.js';
import {builtinFlow} from './builtin.js';
import {VerdictView} from '../../src/ui/view/verdict-view.js';
import {sampleProbe, sampleReport} from '../helpers/sample-report.js';
import {keys, mountWizard, renderAt, type Mounted} from './harness.js';
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

test('at 60 columns a pasted response, its verdict and the export dialog fit too', async () => {
	wizard = mountWizard({flow: await builtinFlow(), columns: 60, input: {agent: true, role: 'visitor', answers: {source: 'paste'}}});
	await wizard.waitFor('Ask the customer for the response headers');
	// A Cloudflare block page's headers as DevTools copies them.
	await wizard.press(
		'HTTP/2 403\r\ndate: Tue, 25 Nov 2025 10:00:00 GMT\r\nserver: cloudflare\r\ncf-ray: 8e4f2b1c9d3a5f60-AMS\r\ncontent-type: text/html; charset=UTF-8\r\n\r\n<title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1><p>This website is using a security service to protect itself from online attacks.</p>',
	);
	await wizard.waitFor('7 lines;');
	await wizard.press(keys.enter);
	await wizard.press(keys.enter);
	const verdict = await wizard.waitFor('What next?');
	expect(verdict).toContain('[waf-rule-block');
	await wizard.press('e');
	await wizard.waitFor('Which format?');
	await wizard.press(keys.enter);
	await wizard.waitFor('Save as');
	const tooWide = wizard.frames().flatMap(frame => frame.split('\n').filter(line => [...line].length > 60));
	expect(tooWide).toEqual([]);
});

test('at 60 columns the verdict keeps hanging indents for evidence, fixes, locations and runners-up', () => {
	const long = 'The error log says: open() "/srv/www/example.com/public/downloads/2024/quarterly-report-final-v3.pdf" failed (13: Permission denied), client: 203.0.113.7';
	const report = sampleReport({
		causes: sampleReport().causes.map(cause => ({...cause, evidence: [long, ...cause.evidence], locations: [{file: '/etc/nginx/sites-enabled/example.com.conf', line: 42}]})),
		probes: [sampleProbe({curl: `curl -sS -i -L --max-redirs 10 'https://files.example.com/downloads/2024/quarterly-report-final-v3.pdf?X-Amz-Expires=900' -H 'Accept:'`})],
	});
	const frame = renderAt(60, <VerdictView report={report} />);
	expect(frame).toContain('Also possible');
	expect(frame).toMatch(/ {3}20% {2}A server rule forbids the path/);
	expect(frame).toContain('→ /etc/nginx/sites-enabled/example.com.conf:42');
	expect(frame.split('\n').filter(line => [...line].length > 60)).toEqual([]);
	// Wrapped evidence lines up under its first word, not under the bullet.
	const lines = frame.split('\n');
	const first = lines.findIndex(line => line.includes('• The error log says'));
	expect(lines[first + 1]).toMatch(/^ {4}\S/);
});
