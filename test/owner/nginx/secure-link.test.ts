import {createHash} from 'node:crypto';
import {describe, expect, test} from 'vitest';
import {evaluateSecureLink} from '../../../src/owner/nginx/secure-link.js';

// The docs' example (ngx_http_secure_link_module):
//   secure_link $arg_md5,$arg_expires;
//   secure_link_md5 "$secure_link_expires$uri$remote_addr secret";
// and the docs' recipe for the hash: echo -n '2147483647/s/link127.0.0.1 secret' | openssl md5 -binary | openssl base64 | tr +/ -_ | tr -d =
const md5Expression = '$secure_link_expires$uri$remote_addr secret';
const uri = '/s/link';
const remote = '127.0.0.1';
const now = Date.UTC(2026, 10, 25);

function hash(expires: string): string {
	return createHash('md5').update(`${expires}${uri}${remote} secret`).digest('base64url');
}

function evaluate(query: Record<string, string>, md5: string | undefined = md5Expression) {
	const lookup = (name: string) => (name.startsWith('arg_') ? query[name.slice(4)] ?? '' : name === 'uri' ? uri : name === 'remote_addr' ? remote : undefined);
	return evaluateSecureLink('$arg_md5,$arg_expires', md5, lookup, now);
}

describe('evaluateSecureLink', () => {
	const future = String(now / 1000 + 3600);
	const past = String(now / 1000 - 3600);
	test.each([
		['valid hash, future expiry', {md5: hash(future), expires: future}, '1'],
		['valid hash, past expiry', {md5: hash(past), expires: past}, '0'],
		['no hash', {expires: future}, ''],
		['hash for other parameters', {md5: hash(past), expires: future}, ''],
		['not base64url', {md5: '!!!!', expires: future}, ''],
		['expiry not a number', {md5: hash(future), expires: 'tomorrow'}, ''],
	] as const)('%s → $secure_link "%s"', (_name, query, expected) => {
		expect(evaluate(query).value).toBe(expected);
	});

	test('when the MD5 expression uses something unknown, an expiry in the past is still reported', () => {
		const result = evaluate({md5: hash(past), expires: past}, '$secure_link_expires$uri$unknown secret');
		expect(result.value).toBeUndefined();
		expect(result.reason).toContain('expired');
	});
});
