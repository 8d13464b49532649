import {randomUUID} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import type {ReportCause} from '../../src/report/types.js';
import {apacheAvailable, apacheModules, startApache, type ApacheInstance} from '../helpers/apache-instance.js';
import {canRunNginx, startNginx, type NginxInstance} from '../helpers/nginx-instance.js';
import {runJson} from '../helpers/run-cli.js';
import {expectFirstCause} from './owner-expect.js';

/*
The site owner with the server's logs, end to end on real servers behind a (simulated) reverse proxy: nginx's
realip module and Apache's mod_remoteip take the client address from X-Forwarded-For sent by 127.0.0.1, so
the test's real requests reach the logs from several client addresses, as production traffic does. The
report must carry the error log's own line and the access log's "who gets the 403", each located at the
right line of the log, under the cause the config names. With --no-probe nothing at all reaches the server.
*/

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
	await stop?.();
	stop = undefined;
});

/** 1-based number of the last line of a log that passes `test`. */
async function lastLine(file: string, test: (line: string) => boolean): Promise<number> {
	const lines = (await readFile(file, 'utf8')).split('\n');
	const index = lines.findLastIndex(line => test(line));
	expect(index, `no such line in ${file}`).toBeGreaterThanOrEqual(0);
	return index + 1;
}

/** The evidence sentence located at `file:line` is there, and says `words`. */
function expectLogEvidence(cause: ReportCause, file: string, line: number, words: string | RegExp): void {
	expect(cause.locations).toContainEqual({file, line});
	expect(cause.evidence.some(text => (typeof words === 'string' ? text.includes(words) : words.test(text))), cause.evidence.join('\n')).toBe(true);
}

// Three clients as a proxy would forward them (documentation addresses, RFC 5737), with real browsers' and curl's user agents.
const clients = [
	{address: '198.51.100.7', userAgent: 'curl/8.5.0'},
	{address: '203.0.113.9', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'},
	{address: '192.0.2.44', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'},
] as const;

describe.skipIf(!canRunNginx)('site owner with nginx\'s logs', () => {
	test('deny rule refused to every client: the error log line and the access log\'s "everyone" back the config line', async () => {
		const site: NginxInstance = await startNginx({
			http: ({port, docroot}) => `\tset_real_ip_from 127.0.0.1;\n\treal_ip_header X-Forwarded-For;\n\n\tserver {\n\t\tlisten 127.0.0.1:${port};\n\t\tserver_name localhost;\n\t\troot ${docroot};\n\n\t\tlocation /reports/ {\n\t\t\tdeny all;\n\t\t}\n\t}`,
			files: () => ({'www/reports/q3.html': 'q3\n', 'www/index.html': 'home\n'}),
		});
		stop = async () => site.stop();
		for (const client of clients) {
			const response = await site.request('/reports/q3.html', {headers: {'X-Forwarded-For': client.address, 'User-Agent': client.userAgent}});
			expect(response.status).toBe(403);
		}

		expect((await site.request('/index.html')).status).toBe(200);

		const accessLog = path.join(site.root, 'logs', 'access.log');
		const report = await runJson([
			`http://127.0.0.1:${site.port}/reports/q3.html`, '--role', 'owner', '--nginx-conf', site.confPath, '--docroot', site.docroot,
			'--error-log', site.errorLogPath, '--access-log', accessLog,
		]);
		const first = expectFirstCause(report, 'server-deny-rule');
		const config = (await readFile(site.confPath, 'utf8')).split('\n');
		expect(first.locations?.[0]).toEqual({file: site.confPath, line: config.findIndex(line => line.includes('deny all;')) + 1});

		// REFERENCE.md §2.1: nginx logs `access forbidden by rule` at error level for deny.
		const errorLine = await lastLine(site.errorLogPath, line => line.includes('access forbidden by rule') && line.includes(' /reports/q3.html HTTP/'));
		expectLogEvidence(first, site.errorLogPath, errorLine, 'nginx error log: "access forbidden by rule"');
		const accessLine = await lastLine(accessLog, line => /"[A-Z]+ \/reports\/q3\.html HTTP\/1\.1" 403 /.test(line));
		// The three forwarded clients and fix403's own requests from 127.0.0.1: refused to everyone.
		expectLogEvidence(first, accessLog, accessLine, /^\/reports\/q3\.html answered 403 \d+ times to [4-9] different addresses .* refused to everyone/);
		expect(report.transcript.some(entry => entry.kind === 'check' && /Reading the error log — \d+ line\(s\) about this path, [\d.]+ MiB read/.test(entry.text))).toBe(true);
	});
});

describe.skipIf(!apacheAvailable)('site owner with Apache\'s logs, sending nothing', () => {
	test('--no-probe: the access log stays as it was; the allow list, AH01630 and "one address" name ip-allowlist', async () => {
		const site: ApacheInstance = await startApache({
			files: {'www/index.html': 'home', 'www/intranet/payroll.txt': 'payroll'},
			config: ({docroot}) => [
				`LoadModule remoteip_module ${apacheModules}/mod_remoteip.so`,
				'RemoteIPHeader X-Forwarded-For',
				'RemoteIPInternalProxy 127.0.0.1',
				`<Directory "${docroot}">\n\tAllowOverride None\n\tRequire all granted\n</Directory>`,
				`<Directory "${docroot}/intranet">\n\tRequire ip 10.0.0.0/8\n</Directory>`,
			].join('\n'),
		});
		stop = async () => site.stop();
		// The employee from home is refused three times; a colleague in the office (10.x) gets the file.
		const outside = clients[1];
		for (const address of [outside.address, '10.20.30.40', outside.address, outside.address]) {
			const response = await site.request('/intranet/payroll.txt', {headers: {'X-Forwarded-For': address, 'User-Agent': outside.userAgent}});
			expect(response.status).toBe(address === outside.address ? 403 : 200);
		}

		await site.accessLogLine('/intranet/payroll.txt');
		const before = await readFile(site.accessLogPath, 'utf8');
		expect(before.trim().split('\n')).toHaveLength(4);

		const report = await runJson([
			`${site.origin}/intranet/payroll.txt`, '--role', 'owner', '--no-probe', '--apache-conf', site.confPath, '--docroot', site.docroot,
			'--client-address', outside.address, '--error-log', site.errorLogPath, '--access-log', site.accessLogPath,
		]);

		// Nothing was sent: after a marker request has been logged, the log holds exactly the lines from before and the marker's.
		const marker = `/marker-${randomUUID()}`;
		await site.request(marker);
		const markerLine = await site.accessLogLine(marker);
		expect(await readFile(site.accessLogPath, 'utf8')).toBe(`${before}${markerLine}\n`);
		expect(report.probes).toEqual([]);

		const first = expectFirstCause(report, 'ip-allowlist');
		const configLine = await site.lineOf('Require ip 10.0.0.0/8');
		expect(first.locations?.[0]).toEqual({file: site.confPath, line: configLine});
		expect(first.evidence[0]).toContain(outside.address);
		expect(first.fix[0]).toContain(`"Require ip ${outside.address}"`);

		// REFERENCE.md §2.2: AH01630 for a Require refusal, with the client as mod_remoteip saw it.
		const errorLine = await lastLine(site.errorLogPath, line => line.includes(`[client ${outside.address}:`) && line.includes('AH01630:'));
		expectLogEvidence(first, site.errorLogPath, errorLine, `AH01630: client denied by server configuration: ${site.docroot}/intranet/payroll.txt`);
		const accessLine = await lastLine(site.accessLogPath, line => line.startsWith(`${outside.address} `) && line.includes(' 403 '));
		expectLogEvidence(first, site.accessLogPath, accessLine, `Every 403 for /intranet/payroll.txt (3) went to one address, ${outside.address}`);
	});
});
