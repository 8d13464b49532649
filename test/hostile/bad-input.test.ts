import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startWatched} from '../helpers/hostile-servers.js';
import {expectBadInput} from './expect-cli.js';
import {runMeasured} from './run-measured.js';

/*
Bad input of every kind gives exactly one line on stderr starting `fix403: `, exit status 2, no stack trace
and nothing on stdout — before any request is sent (the target below is a closed port: a request would not
change the outcome, but the checks here all come first). Files are made in a temp folder per run.
*/

let folder: string;
const file = (name: string, content: string | Buffer): string => {
	const at = path.join(folder, name);
	writeFileSync(at, content);
	return at;
};

/** Pseudo-random bytes with NULs and high bytes, the same every run (a PNG signature first, as an image would). */
const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), Buffer.from(Array.from({length: 4000}, (_, index) => (index * 7919 + 13) % 256))]);
/** A HAR 1.2 log as Chrome exports it, with no requests recorded. */
const emptyHar = JSON.stringify({log: {version: '1.2', creator: {name: 'WebInspector', version: '537.36'}, pages: [], entries: []}});
const target = 'http://127.0.0.1:9/page';

beforeAll(() => {
	folder = mkdtempSync(path.join(tmpdir(), 'fix403-bad-input-'));
});
afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

const run = async (args: readonly string[], options?: Parameters<typeof runMeasured>[1]) => runMeasured(args, options);

describe('the URL', () => {
	test.each([
		['not a url', /"not a url" is not a valid URL/],
		['example.com', /"example\.com" has no scheme: add https:\/\/ in front/],
		['example.com/admin?x=1', /has no scheme: add https:\/\//],
		['ftp://files.example.com/report.pdf', /unsupported scheme "ftp"/],
		['file:///etc/passwd', /unsupported scheme "file"/],
		['javascript:alert(1)', /unsupported scheme "javascript"/],
		['http://', /not a valid URL|has no host/],
	])('%s', async (url, words) => {
		expectBadInput(await run([url, '--json']), words);
	});

	test('a URL full of escape sequences is quoted neutralised, on one line', async () => {
		const line = expectBadInput(await run(['not a url \u001B[2J\u001B]0;owned\u0007\n\u202Efdp.exe', '--json']));
		expect(line).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/);
	});

	test('a URL of 100 kB is refused in a line of bounded length', async () => {
		const line = expectBadInput(await run([`not a url ${'x'.repeat(100_000)}`, '--json']));
		expect(line.length).toBeLessThan(1000);
	});
});

describe('options', () => {
	test.each([
		[['--bogus'], /^fix403: unknown option --bogus \(see fix403 --help\)$/],
		[['-z'], /unknown option -z/],
		[['--timeout'], /^fix403: --timeout needs a value$/],
		[['--timeout', '--yes'], /^fix403: --timeout needs a value \(for a value that starts with "-", write --timeout=VALUE\)$/],
		[['-H'], /^fix403: --header needs a value$/],
		[['-H', '--yes'], /^fix403: --header needs a value/],
		[['--json=yes'], /^fix403: --json takes no value$/],
		[['--max-requests', '0'], /--max-requests takes a whole number from 1 to 1000 \(got "0"\)/],
		[['--max-requests', 'lots'], /--max-requests takes a whole number/],
		[['--max-requests', '2.5'], /--max-requests takes a whole number/],
		[['--max-requests', '1e3'], /--max-requests takes a whole number/],
		[['--max-requests', '5000'], /--max-requests takes a whole number from 1 to 1000/],
		[['--max-requests=-3'], /--max-requests takes a whole number/],
		[['--timeout', 'abc'], /--timeout takes a whole number/],
		[['--timeout', '0'], /--timeout takes a whole number/],
		[['--role', 'admin'], /--role must be visitor, owner or api/],
		[['-H', 'no colon here'], /a header is "Name: value"/],
		[['--answer', 'role'], /--answer "role": write it as ID=VALUE/],
		[['--answer', 'role=admin'], /--answer role: "admin" is not one of: visitor, api, owner/],
		[['--answer', 'colour=blue'], /--answer colour: the flow "fix403" has no question "colour"/],
		[['extra-argument'], /unexpected argument "extra-argument"/],
	])('%j', async (args, words) => {
		expectBadInput(await run([target, '--json', ...args]), words);
	});
});

describe('HAR files', () => {
	const huge = () => {
		const at = file('huge.har', '');
		// Sparse: the size says 201 MiB; nothing needs reading to refuse it.
		truncateSync(at, 201 * 1024 * 1024);
		return at;
	};

	test.each([
		['malformed JSON', () => file('broken.har', '{"log": {"entries": [ {"request": '), /--har .*broken\.har: the HAR file is not JSON/],
		['an empty file', () => file('empty.har', ''), /--har .*empty\.har: the HAR file is empty$/],
		['binary bytes', () => file('binary.har', binary), /--har .*binary\.har: the file is binary, not a HAR/],
		['JSON that is not a HAR', () => file('other.json', '{"name": "my-app", "version": "1.0.0"}'), /--har .*other\.json: .*log/],
		['a JSON list', () => file('list.har', '[1, 2, 3]'), /--har .*list\.har: /],
		['an entry without its request URL', () => file('no-url.har', JSON.stringify({log: {entries: [{request: {method: 'GET'}, response: {status: 403}}]}})), /log\.entries\[0\]\.request\.url is missing/],
		['a HAR with no entries', () => file('no-entries.har', emptyHar), /the HAR file has no requests in it/],
		['a file of 201 MiB', huge, /the HAR file is 201 MB; at most 200 MB are read/],
		['a folder', () => folder, /is a folder, not a file/],
		['a missing file', () => path.join(folder, 'nope.har'), /no such file/],
	])('%s', async (_name, make, words) => {
		expectBadInput(await run(['--har', make(), '--json']), words);
	});
});

// A wrongly typed `content.text` is dropped on import; the 403 is still read.
test('a HAR whose response content.text is an object is still read (the text dropped)', async () => {
	const har = file('object-text.har', JSON.stringify({log: {version: '1.2', entries: [{request: {method: 'GET', url: 'https://a.example/'}, response: {status: 403, content: {text: {}}}}]}}));
	const result = await run(['--har', har, '--json']);
	expect(result.code).toBe(0);
	expect(result.stdout).not.toContain('could not run');
});

describe('flow files', () => {
	const validFlow = readFileSync(new URL('../../flows/fix403.yaml', import.meta.url), 'utf8');

	test.each([
		['malformed YAML', () => file('broken.yaml', 'id: x\nnodes:\n  a: [unclosed\n  b: {'), /invalid flow .*broken\.yaml:\d+: /],
		['JSON that is not a flow', () => file('flow.json', '{"hello": "world"}'), /invalid flow .*flow\.json/],
		['an unknown check', () => file('unknown-check.yaml', validFlow.replace('check: probe-request', 'check: probe-everything')), /unknown check "probe-everything"/],
		['binary bytes', () => file('binary.yaml', binary), /invalid flow .*binary/],
		['a file of 2 MiB', () => {
			const at = file('huge.yaml', '');
			truncateSync(at, 2 * 1024 * 1024);
			return at;
		}, /flow .*huge\.yaml.*larger than/],
		['a folder', () => folder, /is a folder/],
	])('%s', async (_name, make, words) => {
		expectBadInput(await run([target, '--flow', make(), '--json']), words);
	});

	test('the fixture flow really names probe-request (so the unknown-check case changes something)', () => {
		expect(validFlow).toContain('check: probe-request');
	});
});

describe('pasted responses (--headers-file)', () => {
	test.each([
		['a binary file (an image)', () => file('logo.png', binary), /--headers-file .*logo\.png: The pasted input is binary/],
		['an empty file', () => file('empty.txt', ''), /The pasted response is empty/],
		['text that is no HTTP response', () => file('notes.txt', 'Dear support,\nthe page does not load since Monday.\nRegards'), /is not an HTTP response/],
		['a file of 11 MiB', () => {
			const at = file('huge.txt', '');
			truncateSync(at, 11 * 1024 * 1024);
			return at;
		}, /the file is 11 MB; a pasted response is at most 10 MB/],
		['a folder', () => folder, /is a folder, not a file/],
	])('%s', async (_name, make, words) => {
		expectBadInput(await run(['--headers-file', make(), '--json']), words);
	});

	test('binary on stdin with --headers-file -', async () => {
		expectBadInput(await run(['--headers-file', '-', '--json'], {input: binary}), /--headers-file -: The pasted input is binary/);
	});

	test('more than a paste on stdin with --headers-file -', async () => {
		expectBadInput(await run(['--headers-file', '-', '--json'], {input: `HTTP/1.1 403 Forbidden\r\n${'X-Filler: y\r\n'.repeat(900_000)}`}), /more than \d+ MiB on stdin/);
	});
});

describe('paths', () => {
	test.each([
		[['--docroot', '/nonexistent/fix403/www'], /--docroot \/nonexistent\/fix403\/www: no such file or folder/],
		[['--docroot', '/etc/hostname'], /is a file, not a folder/],
		[['--access-log', '/nonexistent/access.log'], /--access-log .*: no such file/],
		[['--error-log', '/etc'], /--error-log \/etc: is a folder, not a file/],
		[['--nginx-conf', '/nonexistent/nginx.conf'], /--nginx-conf .*: no such file/],
		[['--transcript', '/nonexistent/fix403/session.md'], /--transcript .*: the folder \/nonexistent\/fix403 does not exist/],
		[['--transcript', 'session.txt'], /--transcript session\.txt: cannot tell the transcript format/],
		[['--transcript', '/tmp'], /--transcript \/tmp: cannot tell the transcript format|is a folder/],
	])('%j', async (args, words) => {
		expectBadInput(await run([target, ...args, '--json']), words);
	});

	test('a transcript path that is a folder with a transcript extension', async () => {
		const at = path.join(folder, 'looks-like.md');
		mkdirSync(at, {recursive: true});
		expectBadInput(await run([target, '--transcript', at, '--json']), /looks-like\.md: is a folder/);
	});

	const isRoot = process.getuid?.() === 0;
	describe.skipIf(!isRoot)('unreadable for the user running fix403 (run as nobody: root reads through modes)', () => {
		let open: string;
		beforeAll(() => {
			open = path.join(folder, 'open');
			mkdirSync(open, {recursive: true});
			chmodSync(folder, 0o755);
			chmodSync(open, 0o755);
		});

		test.each([
			['--har', 'capture.har', '{"log":{"entries":[]}}'],
			['--headers-file', 'response.txt', 'HTTP/1.1 403 Forbidden\r\n\r\n'],
			['--access-log', 'access.log', '127.0.0.1 - - [25/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 403 153 "-" "curl/8.5.0"\n'],
			['--flow', 'flow.yaml', 'id: x\n'],
		])('%s with mode 000', async (option, name, content) => {
			const at = path.join(open, name);
			writeFileSync(at, content);
			chmodSync(at, 0o000);
			expectBadInput(await run([target, option, at, '--json'], {asUser: 'nobody'}), new RegExp(`${option} .*${name.replace('.', '\\.')}: permission denied`));
		});

		test('a transcript folder the user cannot write to', async () => {
			const locked = path.join(folder, 'locked');
			mkdirSync(locked, {recursive: true});
			chmodSync(locked, 0o755);
			expectBadInput(await run([target, '--transcript', path.join(locked, 'session.md'), '--json'], {asUser: 'nobody'}), /cannot create files in .*locked \(permission denied\)/);
		});
	});
});

test('when the transcript cannot be written at the end, the report is still on stdout', async () => {
	const doomed = path.join(folder, 'doomed');
	mkdirSync(doomed, {recursive: true});
	// The server takes the transcript's folder away while the session runs: the check before the first
	// request passed, the write at the end fails.
	const server = await startWatched((_request, response) => {
		rmSync(doomed, {recursive: true, force: true});
		response.writeHead(403, {'content-type': 'text/plain'});
		response.end('Forbidden');
	});
	try {
		const result = await run([`${server.origin}/x`, '--json', '--transcript', path.join(doomed, 'session.md')]);

		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^fix403: cannot write the transcript to .*session\.md: ENOENT \(the report is on stdout\)\n$/);
		const report = JSON.parse(result.stdout) as {schema: string; probes: unknown[]};
		expect(report.schema).toBe('fix403/report@1');
		expect(report.probes.length).toBeGreaterThan(0);
	} finally {
		await server.close();
	}
});
