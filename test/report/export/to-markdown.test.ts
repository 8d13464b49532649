import {describe, expect, test} from 'vitest';
import {exportReport} from '../../../src/report/export/index.js';
import {createRedactor} from '../../../src/report/redact/index.js';
import {sampleProbe, sampleReport} from '../../helpers/sample-report.js';

describe('Markdown export', () => {
	test('summary and verdict come first, then steps, causes and requests', () => {
		const md = exportReport(sampleReport(), 'md');
		const lines = md.split('\n');
		expect(lines[0]).toBe('# 403 Forbidden: GET https://files.example.com/report.pdf');
		expect(lines[2]).toBe('**Diagnosed.** Most likely: The web server cannot read the file (92% confidence).');
		const order = ['## Steps', '## Causes', '## Requests sent'].map(heading => md.indexOf(heading));
		expect(order.every(index => index > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(md).toContain('1. chmod o+r /srv/www/report.pdf');
		expect(md).toContain('```sh\ncurl -i \'https://files.example.com/report.pdf\'\n```');
	});

	test('a status other than diagnosed shows the reason', () => {
		const md = exportReport(sampleReport({status: 'not-reproduced', reason: 'The URL answered 200 OK from here.', causes: []}), 'md');
		expect(md).toContain('**Not reproduced.** Not reproduced: The URL answered 200 OK from here.');
		expect(md).not.toContain('## Causes');
	});

	test('server text cannot break out of its fence, nor inject markup outside', () => {
		const hostile = 'a\n```\n# injected heading\n````\n[click](javascript:alert(1)) ![x](https://tracker.example/p.gif) <script>x</script>';
		const md = exportReport(sampleReport({
			probes: [sampleProbe({bodyExcerpt: hostile, statusText: '<b>Forbidden</b>'})],
			transcript: [{kind: 'finding', text: hostile}],
		}), 'md');
		// The body sits in a fence longer than any backtick run inside it.
		expect(md).toContain('`````text\na\n```\n# injected heading\n````\n[click]');
		const outsideFences = md.replaceAll(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
		expect(outsideFences).not.toMatch(/^# injected/m);
		expect(outsideFences).not.toMatch(/(?<!\\)\[click\]|(?<!\\)!\[x\]|(?<!\\)<script>/);
		expect(outsideFences).toContain('\\[click\\](javascript:alert(1))');
	});

	test('terminal sequences and bidi overrides are neutralised, inside fences too', () => {
		const md = exportReport(sampleReport({probes: [sampleProbe({bodyExcerpt: 'x\u001B]8;;https://evil.example/\u001B\\link\u001B]8;;\u001B\\ \u202Etxt.exe'})]}), 'md');
		expect(md).not.toMatch(/[\u001B\u202E]/);
		expect(md).toContain('xlink \\u{202E}txt.exe');
	});

	test('never exports a secret, with or without the session redactor', () => {
		const report = sampleReport({
			probes: [sampleProbe({
				requestHeaders: [['Authorization', 'Bearer tok-0123456789abcdef']],
				curl: 'curl -H \'Authorization: Bearer tok-0123456789abcdef\' https://files.example.com/report.pdf',
				bodyExcerpt: 'echo tok-0123456789abcdef and user-secret-77',
			})],
		});
		expect(exportReport(report, 'md')).not.toContain('tok-0123456789abcdef');
		expect(exportReport(report, 'md', {redactor: createRedactor({secrets: ['user-secret-77']})})).not.toMatch(/tok-0123456789abcdef|user-secret-77/);
	});
});
