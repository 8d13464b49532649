import {expect, test} from 'vitest';
import {readPhpFpmText} from '../../src/evidence/php-fpm-text.js';

const view = (status: number, body: string) => ({url: 'http://127.0.0.1/x.html', method: 'GET', status, headers: {}, body});

test.each([
	[403, 'Access denied.\n', true],
	[403, 'Access denied.', true],
	[403, '<h1>Access denied.</h1><p>Ask your admin</p>', false],
	[200, 'Access denied.', false],
	[404, 'File not found.\n', false],
])('status %i body %j → php-fpm-denied %s', (status, body, expected) => {
	const findings = readPhpFpmText(view(status, body));
	expect(findings.some(finding => (finding.supports?.['php-fpm-denied'] ?? 0) > 0.5)).toBe(expected);
});
