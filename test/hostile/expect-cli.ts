import {expect} from 'vitest';
import type {Report} from '../../src/report/types.js';
import type {CliResult} from '../helpers/run-cli.js';

/** A line of a Node/V8 stack trace. */
const stackFrame = /^\s+at\s/m;

/**
The run produced a report: exit 0, a JSON report on stdout, and on stderr nothing but `fix403: ` warnings
(no internal error, no stack).
*/
export function expectReport(result: CliResult): Report {
	expect(result.stderr, 'stderr').not.toMatch(stackFrame);
	expect(result.stderr, 'stderr').not.toContain('internal error');
	for (const line of result.stderr.split('\n').filter(Boolean)) {
		expect(line, 'a stderr line').toMatch(/^fix403: /);
	}

	expect(result.code, `exit status (stderr: ${result.stderr})`).toBe(0);
	return JSON.parse(result.stdout) as Report;
}

/** Bad input: exit 2, exactly one line on stderr starting `fix403: `, no stack, nothing on stdout. */
export function expectBadInput(result: CliResult, words?: RegExp): string {
	expect(result.stderr, 'stderr').not.toMatch(stackFrame);
	expect(result.stderr, 'stderr').toMatch(/^fix403: [^\n]+\n$/);
	expect(result.stderr).not.toContain('internal error');
	if (words) {
		expect(result.stderr.trim()).toMatch(words);
	}

	expect(result.code, `exit status (stderr: ${result.stderr})`).toBe(2);
	expect(result.stdout, 'stdout').toBe('');
	return result.stderr.trim();
}
