import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, test} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

const example = new URL('../../flows/examples/paste-only.yaml', import.meta.url).pathname;

test('fix403 flow graph prints the built-in flow as a Mermaid flowchart, every node and branch in it', async () => {
	const result = await runCli(['flow', 'graph']);
	expect(result.code).toBe(0);
	expect(result.stdout.split('\n')[0]).toBe('flowchart TD');
	const flowText = readFileSync(new URL('../../flows/fix403.yaml', import.meta.url), 'utf8');
	const nodeNames = [...flowText.matchAll(/^ {2}([a-z][\w-]*):$/gm)].map(match => match[1]!);
	expect(nodeNames.length).toBeGreaterThan(15);
	for (const name of nodeNames) {
		expect(result.stdout).toContain(`n_${name.replaceAll('-', '_')}`);
	}

	expect(result.stdout).toContain('-->|"answer-is question=consent equals=no"| n_no_probe');
});

test('fix403 flow graph FILE and flow check FILE work on a support team\'s own flow', async () => {
	const graph = await runCli(['flow', 'graph', example]);
	expect(graph.code).toBe(0);
	expect(graph.stdout).toContain('n_edge(["diagnosed (waf-challenge, waf-rule-block, bot-block, rate-limited, geo-block)"])');
	const check = await runCli(['flow', 'check', example]);
	expect(check.code).toBe(0);
	expect(check.stdout).toMatch(/paste-only\.yaml: ok — flow "paste-only", 3 questions, 3 check steps, 1 decisions, 3 conclusions/);
});

test('fix403 flow check refuses a broken flow with one line naming file, line, place and reason (exit 2)', async () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'fix403-flow-'));
	const broken = path.join(folder, 'broken.yaml');
	writeFileSync(broken, readFileSync(example, 'utf8').replace('check: read-response', 'check: read-everything'));
	const result = await runCli(['flow', 'check', broken]);
	expect(result.code).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.stderr.trim().split('\n')).toHaveLength(1);
	expect(result.stderr).toMatch(new RegExp(`^fix403: invalid flow ${broken.replaceAll('/', '\\/')}:\\d+: nodes\\.read\\.run\\[0\\]\\.check: unknown check "read-everything"`));
});

test('--flow runs a custom flow with the same checks', async () => {
	const input = 'HTTP/2 403\r\nserver: cloudflare\r\ncf-ray: 8a1b2c3d4e5f6789-FRA\r\ncf-mitigated: challenge\r\ncontent-type: text/html\r\n\r\n<title>Just a moment...</title>';
	const result = await runCli(['--flow', example, '--headers-file', '-', '--json'], {input});
	expect(result.code, result.stderr).toBe(0);
	const report = JSON.parse(result.stdout) as {causes: Array<{id: string}>; summary: string; transcript: Array<{step?: string}>};
	expect(report.causes[0]?.id).toBe('waf-challenge');
	expect(report.summary).toMatch(/The CDN\/WAF in front of the server refused the request \(cloudflare\)/);
	expect(report.transcript.some(entry => entry.step === 'edge')).toBe(true);
});
