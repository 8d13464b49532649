import {chmodSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {startWatched, type Watched} from '../helpers/hostile-servers.js';
import {expectReport} from './expect-cli.js';
import {runMeasured} from './run-measured.js';

/*
Transcripts can hold what a server said about the user's request; fix403 creates them readable by their
owner only (0600), in every format, whatever the umask, and also when a file with wider rights was there.
*/

let folder: string;
let server: Watched;
let umask: number;
beforeAll(async () => {
	folder = mkdtempSync(path.join(tmpdir(), 'fix403-modes-'));
	server = await startWatched((_request, response) => {
		response.writeHead(403, {'content-type': 'text/plain'});
		response.end('Forbidden');
	});
	// The CLI inherits this: with umask 000 a plain `writeFile` would create the file as 0666.
	umask = process.umask(0o000);
});
afterAll(async () => {
	process.umask(umask);
	await server.close();
	rmSync(folder, {recursive: true, force: true});
});

test.each(['md', 'json', 'html', 'har'])('a .%s transcript is created with mode 0600', async extension => {
	const transcript = path.join(folder, `session.${extension}`);

	expectReport(await runMeasured([`${server.origin}/x`, '--json', '--token', 'tok-1234567890', '--transcript', transcript]));

	expect(statSync(transcript).mode & 0o777).toBe(0o600);
});

test('a transcript replacing a world-readable file ends up 0600', async () => {
	const transcript = path.join(folder, 'existing.md');
	writeFileSync(transcript, 'old notes\n');
	chmodSync(transcript, 0o644);

	expectReport(await runMeasured([`${server.origin}/x`, '--json', '--transcript', transcript]));

	expect(statSync(transcript).mode & 0o777).toBe(0o600);
});

test('the umask really is open in this test (so the checks above can fail)', () => {
	const probe = path.join(folder, 'probe.txt');
	writeFileSync(probe, 'x');
	expect(statSync(probe).mode & 0o777).toBe(0o666);
});
