import {spawnSync} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {apacheAvailable, apacheBinary, apacheModules} from '../../helpers/apache-instance.js';
import {evaluateAuthz} from '../../../src/owner/apache/authz-eval.js';
import type {AuthzContext} from '../../../src/owner/apache/authz-eval.js';
import {mergeAuthz, readAuthz} from '../../../src/owner/apache/authz-tree.js';
import {evaluateExpression} from '../../../src/owner/apache/expr.js';
import {parseConfigText} from '../../../src/owner/apache/parse.js';

// mod_authz_core's logic (modules/aaa/mod_authz_core.c, 2.4.x: apply_authz_sections, merge_authz_core_dir_config)
// for clients a loopback test cannot be: other IPv4 networks, IPv6, host names. Which line is blamed matters:
// it is the line the fix points at. The same logic is checked against a real httpd in require-vs-httpd.test.ts.
function context(overrides: Partial<AuthzContext> = {}): AuthzContext {
	return {
		method: 'GET', clientAddress: '203.0.113.7', secure: false, env: new Map(),
		expression: text => evaluateExpression(text, {variable: () => undefined, header: () => undefined}),
		...overrides,
	};
}

function verdict(config: string, overrides: Partial<AuthzContext> = {}) {
	const conf = readAuthz(parseConfigText(config, 'site.conf'));
	const outcome = evaluateAuthz(conf?.root, context(overrides));
	return {status: outcome.status, blame: outcome.blame.map(leaf => `${leaf.text}@${leaf.at.line}`), uncertain: outcome.uncertain};
}

describe('Require evaluation', () => {
	test.each([
		{name: 'no Require at all grants', config: 'Options None', client: '203.0.113.7', status: 'granted', blame: []},
		{name: 'all denied', config: 'Require all denied', client: '203.0.113.7', status: 'denied', blame: ['Require all denied@1']},
		{name: 'ip CIDR hit', config: 'Require ip 10.0.0.0/8', client: '10.1.2.3', status: 'granted', blame: []},
		{name: 'ip CIDR miss', config: 'Require ip 10.0.0.0/8', client: '11.1.2.3', status: 'denied', blame: ['Require ip 10.0.0.0/8@1']},
		{name: 'partial address', config: 'Require ip 192.168', client: '192.168.44.1', status: 'granted', blame: []},
		{name: 'netmask', config: 'Require ip 172.16.0.0/255.240.0.0', client: '172.31.255.1', status: 'granted', blame: []},
		{name: 'list of addresses', config: 'Require ip 198.51.100.1 198.51.100.2', client: '198.51.100.2', status: 'granted', blame: []},
		{name: 'IPv6 prefix', config: 'Require ip 2001:db8::/32', client: '2001:db8:1::5', status: 'granted', blame: []},
		{name: 'IPv6 miss', config: 'Require ip 2001:db8::/32', client: '2001:db9::5', status: 'denied', blame: ['Require ip 2001:db8::/32@1']},
		{name: 'IPv4-mapped client', config: 'Require ip 10.0.0.0/8', client: '::ffff:10.9.8.7', status: 'granted', blame: []},
		{name: 'implicit any: every alternative is blamed', config: 'Require ip 10.0.0.0/8\nRequire ip 192.168.0.0/16', client: '203.0.113.7', status: 'denied', blame: ['Require ip 10.0.0.0/8@1', 'Require ip 192.168.0.0/16@2']},
		{name: 'all with a not', config: '<RequireAll>\n  Require ip 10.0.0.0/8\n  Require not ip 10.0.0.5\n</RequireAll>', client: '10.0.0.5', status: 'denied', blame: ['Require not ip 10.0.0.5@3']},
		{name: 'all with a not, other client', config: '<RequireAll>\n  Require ip 10.0.0.0/8\n  Require not ip 10.0.0.5\n</RequireAll>', client: '10.0.0.6', status: 'granted', blame: []},
		{name: 'all: the failing member is blamed', config: '<RequireAll>\n  Require all granted\n  Require ip 10.0.0.0/8\n</RequireAll>', client: '203.0.113.7', status: 'denied', blame: ['Require ip 10.0.0.0/8@3']},
		{name: 'none inside all: the matching line is blamed', config: '<RequireAll>\n  Require all granted\n  <RequireNone>\n    Require ip 203.0.113.0/24\n    Require ip 198.51.100.0/24\n  </RequireNone>\n</RequireAll>', client: '203.0.113.7', status: 'denied', blame: ['Require ip 203.0.113.0/24@4']},
		{name: 'any of alls', config: '<RequireAny>\n  <RequireAll>\n    Require ip 10.0.0.0/8\n    Require not ip 10.0.0.1\n  </RequireAll>\n  Require local\n</RequireAny>', client: '127.0.0.1', status: 'granted', blame: []},
		{name: 'host needs a known host name', config: 'Require host example.org', client: '203.0.113.7', status: 'denied', blame: ['Require host example.org@1']},
		{name: 'valid-user wants a login', config: 'Require valid-user', client: '203.0.113.7', status: 'denied-no-user', blame: ['Require valid-user@1']},
		{name: 'login or intranet', config: 'Require valid-user\nRequire ip 10.0.0.0/8', client: '10.0.0.9', status: 'granted', blame: []},
	])('$name', ({config, client, status, blame}) => {
		const result = verdict(config, {clientAddress: client});
		expect(result.status).toBe(status);
		expect(result.blame).toEqual(blame);
	});

	test('Require host is uncertain without a reverse lookup and decided with one', () => {
		expect(verdict('Require host example.org').uncertain).toBe(true);
		expect(verdict('Require host example.org', {clientHost: 'www.example.org'}).status).toBe('granted');
		expect(verdict('Require host example.org', {clientHost: 'badexample.org'}).status).toBe('denied');
	});

	test.each([
		{method: 'GET', status: 'granted'},
		{method: 'HEAD', status: 'granted'},
		{method: 'POST', status: 'denied'},
		{method: 'DELETE', status: 'denied'},
	])('<LimitExcept GET> Require all denied: $method → $status (HEAD counts as GET)', ({method, status}) => {
		expect(verdict('<LimitExcept GET>\n  Require all denied\n</LimitExcept>', {method}).status).toBe(status);
	});

	test('Require env: set, unset, undecidable', () => {
		expect(verdict('Require env trusted', {env: new Map([['trusted', '1']])}).status).toBe('granted');
		expect(verdict('Require env trusted').status).toBe('denied');
		expect(verdict('Require env trusted', {env: new Map([['trusted', undefined]])}).uncertain).toBe(true);
	});
});

describe('sections merged with AuthMerging', () => {
	const merged = (parent: string, child: string, client: string) => {
		const conf = mergeAuthz(readAuthz(parseConfigText(parent, 'parent.conf')), readAuthz(parseConfigText(child, 'child.conf')));
		return evaluateAuthz(conf?.root, context({clientAddress: client})).status;
	};

	test.each([
		{name: 'child without Require inherits', parent: 'Require all denied', child: 'Options +Indexes', client: '10.0.0.1', status: 'denied'},
		{name: 'Off (default): the child replaces', parent: 'Require all denied', child: 'Require all granted', client: '10.0.0.1', status: 'granted'},
		{name: 'And: both must grant', parent: 'Require ip 10.0.0.0/8', child: 'AuthMerging And\nRequire all granted', client: '203.0.113.7', status: 'denied'},
		{name: 'Or: either may grant', parent: 'Require ip 10.0.0.0/8', child: 'AuthMerging Or\nRequire ip 203.0.113.0/24', client: '203.0.113.7', status: 'granted'},
		{name: 'AuthMerging Off alone clears the rules', parent: 'Require all denied', child: 'AuthMerging Off', client: '10.0.0.1', status: 'granted'},
	])('$name', ({parent, child, client, status}) => {
		expect(merged(parent, child, client)).toBe(status);
	});
});

// Messages as apache2 -t prints them for these lines inside a <Directory>.
const startupErrors = [
	{config: 'Require not ip 10.0.0.1', reason: 'negative Require directive has no effect in <RequireAny> directive'},
	{config: '<RequireNone>\n  Require ip 10.0.0.1\n</RequireNone>', reason: '<RequireNone> directive has no effect in <RequireAny> directive'},
	{config: '<RequireAll>\n</RequireAll>', reason: '<RequireAll> directive contains no authorization directives'},
	{config: '<RequireAll>\n  Require not ip 10.0.0.1\n</RequireAll>', reason: 'AH01624: <RequireAll> directive contains only negative authorization directives'},
	{config: '<RequireAll>\n  <RequireNone>\n    Require ip 10.0.0.1\n  </RequireNone>\n</RequireAll>', reason: 'AH01624: <RequireAll> directive contains only negative authorization directives'},
];

describe('start-up errors httpd reports for Require (mod_authz_core add_authz_provider/add_authz_section)', () => {
	test.each(startupErrors)('$reason', ({config, reason}) => {
		expect(readAuthz(parseConfigText(config, 'site.conf'))?.problems.map(problem => problem.reason)).toContain(reason);
	});

	test.skipIf(!apacheAvailable).each(startupErrors)('apache2 -t says the same: $reason', async ({config, reason}) => {
		const root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-authz-'));
		try {
			const file = path.join(root, 'httpd.conf');
			await writeFile(file, [
				`ServerRoot "${root}"`,
				...['mpm_event', 'authz_core', 'authz_host'].map(name => `LoadModule ${name}_module ${apacheModules}/mod_${name}.so`),
				'Listen 127.0.0.1:1', `ErrorLog "${root}/error.log"`, 'ServerName x',
				'<Directory /srv/x>', config, '</Directory>',
			].join('\n'));
			const result = spawnSync(apacheBinary, ['-t', '-f', file], {encoding: 'utf8'});
			expect(result.status).not.toBe(0);
			expect(result.stderr + result.stdout).toContain(reason);
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});

	test('a RequireNone inside RequireAll next to a positive line is fine', () => {
		expect(readAuthz(parseConfigText('<RequireAll>\n  Require all granted\n  <RequireNone>\n    Require ip 10.0.0.1\n  </RequireNone>\n</RequireAll>', 'site.conf'))?.problems).toEqual([]);
	});
});
