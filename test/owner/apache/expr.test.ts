import {describe, expect, test} from 'vitest';
import {evaluateExpression} from '../../../src/owner/apache/expr.js';

// ap_expr samples as written in https://httpd.apache.org/docs/2.4/expr.html and mod_authz_core's
// "Require expr" examples; unknown variables make the answer unknown instead of guessed.
const request: Record<string, string> = {
	HTTP_REFERER: 'https://www.example.com/gallery', HTTP_USER_AGENT: 'Mozilla/5.0 (X11)', REMOTE_ADDR: '192.0.2.15',
	REQUEST_METHOD: 'POST', REQUEST_URI: '/admin/users', HTTP_HOST: 'www.example.com', QUERY_STRING: 'id=7',
};
const lookup = {
	variable: (name: string) => request[name],
	header: (name: string) => ({referer: request['HTTP_REFERER'], 'user-agent': request['HTTP_USER_AGENT']} as Record<string, string | undefined>)[name.toLowerCase()],
};

describe('evaluateExpression', () => {
	test.each([
		{expression: '%{HTTP_HOST} == \'www.example.com\'', value: true},
		{expression: '%{HTTP_HOST} != "www.example.com"', value: false},
		{expression: '%{REQUEST_URI} =~ m#^/admin/#', value: true},
		{expression: '%{REQUEST_URI} !~ /^\\/admin\\//', value: false},
		{expression: '%{HTTP_USER_AGENT} =~ /mozilla/i', value: true},
		{expression: '-R \'192.0.2.0/24\'', value: true},
		{expression: '%{REMOTE_ADDR} -ipmatch \'10.0.0.0/8\'', value: false},
		{expression: '%{REQUEST_METHOD} in { \'GET\', \'HEAD\' }', value: false},
		{expression: '%{REQUEST_METHOD} in { \'POST\', \'PUT\' }', value: true},
		{expression: '!(%{REQUEST_METHOD} == \'GET\') && %{QUERY_STRING} =~ /id=\\d+/', value: true},
		{expression: '%{REQUEST_METHOD} == \'GET\' || -n %{HTTP_REFERER}', value: true},
		{expression: 'req(\'Referer\') -strmatch \'https://*.example.com/*\'', value: true},
		{expression: 'tolower(%{HTTP_HOST}) == \'www.example.com\'', value: true},
		{expression: '%{HTTP:User-Agent} -strcmatch \'*x11*\'', value: true},
		{expression: 'true', value: true},
		{expression: '%{SSL_CLIENT_S_DN_CN} == \'admin\'', value: undefined},
		{expression: '%{SSL_CLIENT_S_DN_CN} == \'admin\' || %{REQUEST_METHOD} == \'POST\'', value: true},
		{expression: '%{SSL_CLIENT_S_DN_CN} == \'admin\' && %{REQUEST_METHOD} == \'GET\'', value: false},
		{expression: 'md5(%{REQUEST_URI}) == \'x\'', value: undefined},
		{expression: '%{REQUEST_URI} ==', value: undefined},
	])('$expression → $value', ({expression, value}) => {
		expect(evaluateExpression(expression, lookup).value).toBe(value);
	});

	test('records what it reads, for naming the cause', () => {
		expect([...evaluateExpression('%{HTTP_REFERER} =~ /example/ && req(\'User-Agent\') != \'\'', lookup).reads]).toEqual(['HTTP_REFERER', 'HTTP_USER_AGENT']);
	});
});
