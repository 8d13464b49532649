import {expect, test} from 'vitest';
import {ExportError, formatFromPath} from '../../../src/report/export/index.js';

test.each([
	['report.md', 'md'],
	['notes/Report.MARKDOWN', 'md'],
	['/tmp/x.json', 'json'],
	['a.b.html', 'html'],
	['page.HTM', 'html'],
	['capture.har', 'har'],
])('%s → %s', (file, format) => {
	expect(formatFromPath(file)).toBe(format);
});

test.each(['report', 'report.txt', 'report.md.bak', '.md'])('%s is refused with a typed error', file => {
	expect(() => formatFromPath(file)).toThrow(ExportError);
	try {
		formatFromPath(file);
	} catch (error) {
		expect((error as ExportError).code).toBe('export-unknown-format');
		expect((error as ExportError).message).toMatch(/\.md, \.json, \.html or \.har/);
	}
});
