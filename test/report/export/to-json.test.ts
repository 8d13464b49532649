import {expect, test} from 'vitest';
import {exportReport} from '../../../src/report/export/index.js';
import {createRedactor} from '../../../src/report/redact/index.js';
import {sampleProbe, sampleReport} from '../../helpers/sample-report.js';

test('the JSON export is the redacted report', () => {
	const report = sampleReport({probes: [sampleProbe({requestHeaders: [['Cookie', 'sid=abcdefgh12345678']]})]});
	const parsed: unknown = JSON.parse(exportReport(report, 'json'));
	expect(parsed).toEqual(createRedactor().report(report));
	expect(JSON.stringify(parsed)).not.toContain('abcdefgh12345678');
});

test('C1 controls, bidi and invisible characters are escaped in the file but parse back unchanged', () => {
	const text = 'a\u009B31m\u202Eb\u200B\u2028c\u{E0041}';
	const json = exportReport(sampleReport({reason: text, status: 'inconclusive', causes: []}), 'json');
	expect(json).not.toMatch(/[\u0080-\u009F\u202E\u200B\u2028]|\uDB40/);
	expect((JSON.parse(json) as {reason: string}).reason).toBe(text);
});
