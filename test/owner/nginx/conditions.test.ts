import {describe, expect, test} from 'vitest';
import {evaluateCondition, parseCondition} from '../../../src/owner/nginx/conditions.js';
import {tokenizeNginx} from '../../../src/owner/nginx/index.js';

/** The `if` arguments exactly as the tokenizer yields them from a real config line. */
function ifArgs(line: string): string[] {
	return tokenizeNginx(line, 'x.conf').flatMap(token => (token.kind === 'word' ? [token.value] : [])).slice(1);
}

// Conditions from nginx docs (ngx_http_rewrite_module "if") and common hotlink/bot/method rules.
const parsing: Array<[string, unknown]> = [
	['if ($invalid_referer) {}', {kind: 'truthy', variable: 'invalid_referer'}],
	['if ( $slow ) {}', {kind: 'truthy', variable: 'slow'}],
	['if ($secure_link = "") {}', {kind: 'compare', variable: 'secure_link', op: '=', value: ''}],
	['if ($secure_link = "0") {}', {kind: 'compare', variable: 'secure_link', op: '=', value: '0'}],
	['if ($request_method !~ ^(GET|HEAD)$) {}', {kind: 'regex', variable: 'request_method', op: '!~', pattern: '^(GET|HEAD)$'}],
	['if ($http_user_agent ~* (bot|crawl|spider)) {}', {kind: 'regex', variable: 'http_user_agent', op: '~*', pattern: '(bot|crawl|spider)'}],
	['if ($http_cookie ~* "id=([^;]+)(?:;|$)") {}', {kind: 'regex', variable: 'http_cookie', op: '~*', pattern: 'id=([^;]+)(?:;|$)'}],
	['if (!-f $request_filename) {}', {kind: 'file', op: '!-f', path: '$request_filename'}],
	['if (-d $request_filename) {}', {kind: 'file', op: '-d', path: '$request_filename'}],
];

describe('parseCondition', () => {
	test.each(parsing)('%s', (line, expected) => {
		expect(parseCondition(ifArgs(line))).toEqual(expected);
	});

	test('a condition without parentheses is invalid, as in nginx', () => {
		expect(parseCondition(['$a'])).toHaveProperty('error');
	});
});

describe('evaluateCondition', () => {
	const values: Record<string, string> = {invalid_referer: '1', secure_link: '', request_method: 'POST', http_user_agent: 'Googlebot/2.1', zero: '0'};
	const lookup = (name: string) => values[name];
	const noFiles = async () => undefined;
	test.each([
		['if ($invalid_referer) {}', true],
		['if ($zero) {}', false],
		['if ($secure_link = "") {}', true],
		['if ($secure_link = "0") {}', false],
		['if ($request_method !~ ^(GET|HEAD)$) {}', true],
		['if ($http_user_agent ~* (bot|crawl)) {}', true],
		['if ($http_user_agent ~ (BOT)) {}', false],
		['if ($unknown_var) {}', undefined],
	] as const)('%s → %s', async (line, expected) => {
		const condition = parseCondition(ifArgs(line));
		expect('error' in condition).toBe(false);
		expect(await evaluateCondition(condition as Exclude<typeof condition, {error: string}>, lookup, noFiles)).toBe(expected);
	});
});
