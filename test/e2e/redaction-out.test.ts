import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {startLoopback} from '../helpers/loopback.js';
import {runCli} from '../helpers/run-cli.js';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

test('a header the user names with --redact-header is redacted everywhere, also where the server echoes it', async () => {
	const tenantKey = 'tk_live_4f9a8b7c6d5e4f3a2b1c';
	const server = await startLoopback((request, response) => {
		response.writeHead(403, {'content-type': 'text/plain', 'x-echo-tenant': String(request.headers['x-tenant-key'])});
		response.end(`forbidden for tenant key ${String(request.headers['x-tenant-key'])}`);
	});
	const folder = mkdtempSync(path.join(tmpdir(), 'fix403-redact-'));
	try {
		for (const extension of ['md', 'json', 'html', 'har']) {
			const transcript = path.join(folder, `t.${extension}`);
			const result = await runCli([`${server.origin}/x`, '-H', `X-Tenant-Key: ${tenantKey}`, '--redact-header', 'X-Tenant-Key', '--transcript', transcript, '--json']);
			expect(result.code, result.stderr).toBe(0);
			expect(server.seen.at(-1)?.headers['x-tenant-key']).toBe(tenantKey);
			expect(result.stdout).not.toContain(tenantKey);
			expect(result.stdout).toContain('[redacted]');
			expect(readFileSync(transcript, 'utf8')).not.toContain(tenantKey);
			expect(statSync(transcript).mode & 0o777).toBe(0o600);
		}
	} finally {
		await server.close();
	}
});

test('support-agent mode from a customer HAR: relayed questions, nothing sent, a ticket-ready transcript', async () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'fix403-agent-'));
	const ticket = path.join(folder, 'ticket-4711.md');
	const result = await runCli(['--agent', '--har', fixture('har/chrome-cloudflare-challenge.har'), '--transcript', ticket, '--yes']);
	expect(result.code, result.stderr).toBe(0);
	expect(result.stdout).toContain('[waf-challenge');
	const markdown = readFileSync(ticket, 'utf8');
	expect(markdown.split('\n').slice(0, 12).join('\n')).toMatch(/challenge/i);
	expect(markdown).toMatch(/Send the customer's request from here too/);
	expect(markdown).toContain('No (default)');
});
