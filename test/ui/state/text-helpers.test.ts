import {expect, test} from 'vitest';
import {splitShellWords} from '../../../src/text/shell-words.js';
import {defaultExportName} from '../../../src/ui/state/export-name.js';
import {summaryLine} from '../../../src/ui/state/summary-line.js';
import {wrapCommand} from '../../../src/ui/view/wrap-command.js';
import {sampleReport} from '../../helpers/sample-report.js';

test('export names carry the host and the local time, safe for any file system', () => {
	const at = new Date(2026, 0, 5, 9, 7, 3);
	expect(defaultExportName('https://Shop.Example.com/cart?id=1', at, 'md')).toBe('fix403-shop.example.com-20260105-090703.md');
	expect(defaultExportName('http://127.0.0.1:8080/x', at, 'json')).toBe('fix403-127.0.0.1-8080-20260105-090703.json');
	expect(defaultExportName('http://[::1]:3000/', at, 'har')).toBe('fix403-1-3000-20260105-090703.har');
	expect(defaultExportName(undefined, at, 'md')).toBe('fix403-session-20260105-090703.md');
});

// A command as src/net/to-curl.ts writes it.
const curl = `curl -sS -i -L --max-redirs 10 'https://cdn.example.com/assets/img/logo.png?v=3' -H 'Referer: https://www.example.com/' -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36' -H 'Accept:'`;

test.each([40, 60, 80])('a curl command wrapped at %i columns fits, keeps options with their values and still reads as the same words', width => {
	const lines = wrapCommand(curl, width);
	const joined = lines.map(line => line.replace(/ \\$/, '')).join(' ');
	const words = (text: string) => splitShellWords(text, 'posix').map(word => word.value);
	expect(words(joined)).toEqual(words(curl));
	for (const [index, line] of lines.entries()) {
		expect(line.endsWith(' \\')).toBe(index < lines.length - 1);
		expect(line).not.toMatch(/ -H \\$/);
		// Only a single word too long for any line may overflow.
		if (line.length > width) {
			expect(words(line.replace(/ \\$/, '')).length).toBeLessThanOrEqual(2);
		}
	}
});

test('the closing summary names the verdict and where the transcript went, in one line', () => {
	const report = sampleReport();
	const top = report.causes[0]!;
	expect(summaryLine({reason: 'quit', report, written: ['/tmp/t.md']})).toBe(
		`fix403: diagnosed — ${top.title} (${top.id}, ${Math.round(top.confidence * 100)}%). Transcript: /tmp/t.md`,
	);
	expect(summaryLine({reason: 'interrupted', written: []})).toBe('fix403: interrupted; requests in flight were cancelled.');
	expect(summaryLine({reason: 'quit', written: []})).toBe('fix403: stopped before a verdict.');
	const hostile = {...report, status: 'unreachable' as const, causes: [], reason: 'no answer: \u001B]0;pwned\u0007bad\nline'};
	expect(summaryLine({reason: 'quit', report: hostile, written: []})).toBe('fix403: unreachable — no answer: bad line.');
});
