import {describe, expect, test} from 'vitest';
import {addressMatches, evaluateAccess} from '../../../src/owner/nginx/access-rules.js';
import {parseNginxText} from '../../../src/owner/nginx/index.js';

// Rule syntax from nginx docs, ngx_http_access_module ("allow 192.168.1.0/24; allow 2001:0db8::/32; deny all;").
const matches: Array<[string, string, boolean | undefined]> = [
	['all', '203.0.113.7', true],
	['127.0.0.1', '127.0.0.1', true],
	['127.0.0.1', '127.0.0.2', false],
	['10.0.0.0/8', '10.200.3.4', true],
	['10.0.0.0/8', '11.0.0.1', false],
	['192.168.1.0/24', '192.168.1.255', true],
	['192.168.1.0/24', '192.168.2.1', false],
	['0.0.0.0/0', '8.8.8.8', true],
	['2001:0db8::/32', '2001:db8:1::5', true],
	['2001:0db8::/32', '2001:db9::1', false],
	['::1', '::1', true],
	['10.0.0.0/8', '::ffff:10.1.1.1', true],
	['10.0.0.0/8', '::1', false],
	['unix:', 'unix:', true],
	['example.com', '1.2.3.4', undefined],
	['10.0.0.0/33', '10.0.0.1', undefined],
];

describe('addressMatches', () => {
	test.each(matches)('%s covers %s → %s', (target, client, expected) => {
		expect(addressMatches(target, client)).toBe(expected);
	});
});

describe('evaluateAccess', () => {
	const rules = parseNginxText('deny 192.168.1.1;\nallow 192.168.1.0/24;\nallow 10.1.1.0/16;\nallow 2001:0db8::/32;\ndeny all;\n', 'x.conf');
	test.each([
		['192.168.1.1', 'deny', 1],
		['192.168.1.9', 'allow', 2],
		['10.1.200.1', 'allow', 3],
		['2001:db8::7', 'allow', 4],
		['127.0.0.1', 'deny', 5],
	] as const)('the docs example for %s: first matching rule (%s, line %i) decides', (client, verdict, line) => {
		const result = evaluateAccess(rules, client);
		expect(result.verdict).toBe(verdict);
		expect(result.rule?.line).toBe(line);
	});

	test('no rule matches → none (nginx allows)', () => {
		expect(evaluateAccess(parseNginxText('allow 10.0.0.0/8;', 'x.conf'), '127.0.0.1').verdict).toBe('none');
	});
});
