import {describe, expect, test} from 'vitest';
import {ipMatches, isLoopback} from '../../../src/owner/apache/ip-match.js';

// Address forms from https://httpd.apache.org/docs/2.4/mod/mod_authz_host.html#requiredirectives
// ("Require ip 10 172.20 192.168.2", "10.1.0.0/255.255.0.0", "10.1.0.0/16", "2001:db8::a00:20ff:fea7:ccea/10").
describe('ipMatches', () => {
	test.each([
		{pattern: '10', client: '10.250.1.1', matches: true},
		{pattern: '172.20', client: '172.20.3.4', matches: true},
		{pattern: '172.20', client: '172.21.3.4', matches: false},
		{pattern: '192.168.2', client: '192.168.2.200', matches: true},
		{pattern: '10.1.0.0/255.255.0.0', client: '10.1.9.9', matches: true},
		{pattern: '10.1.0.0/16', client: '10.2.0.1', matches: false},
		{pattern: '2001:db8::a00:20ff:fea7:ccea', client: '2001:db8::a00:20ff:fea7:ccea', matches: true},
		{pattern: '2001:db8::a00:20ff:fea7:ccea/10', client: '2001:db8:ffff::1', matches: true},
		{pattern: '2001:db8::/48', client: '2001:db8:1::1', matches: false},
		{pattern: '127.0.0.1', client: '::ffff:127.0.0.1', matches: true},
		{pattern: '10.0.0.0/8', client: '::1', matches: false},
		{pattern: 'example.org', client: '10.0.0.1', matches: undefined},
	])('$pattern vs $client', ({pattern, client, matches}) => {
		expect(ipMatches(pattern, client)).toBe(matches);
	});

	test.each([
		{address: '127.0.0.1', loopback: true},
		{address: '127.8.9.10', loopback: true},
		{address: '::1', loopback: true},
		{address: '10.0.0.1', loopback: false},
	])('isLoopback($address)', ({address, loopback}) => {
		expect(isLoopback(address)).toBe(loopback);
	});
});
