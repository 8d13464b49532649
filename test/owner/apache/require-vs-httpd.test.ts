import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {apacheAvailable, apacheModules, startApache} from '../../helpers/apache-instance.js';
import type {ApacheInstance} from '../../helpers/apache-instance.js';
import {analyze, topCause} from './real-helpers.js';

// Require/RequireAll/RequireAny/RequireNone, <Limit>, AuthMerging, Order/Allow/Deny, Satisfy, SetEnvIf + Require env,
// Require expr and nested Files/Location/If, each in its own folder of one real httpd. For every request the
// real status decides what the reader must say: 403 → forbidden, 200/405 → allowed, 401 → unknown (a login).
type Case = {
	readonly name: string;
	/** Directives inside <Directory "<docroot>/<name>">. */
	readonly directory: string;
	/** Extra top-level config (may use DOCROOT). */
	readonly extra?: string;
	readonly file?: string;
	readonly requests: ReadonlyArray<{method?: string; referer?: string; userAgent?: string; status: number; cause?: string}>;
};

const cases: Case[] = [
	{name: 'granted', directory: 'Require all granted', requests: [{status: 200}]},
	{name: 'denied', directory: 'Require all denied', requests: [{status: 403, cause: 'server-deny-rule'}]},
	{name: 'ip-miss', directory: 'Require ip 10.0.0.0/8', requests: [{status: 403, cause: 'ip-allowlist'}]},
	{name: 'ip-partial', directory: 'Require ip 127', requests: [{status: 200}]},
	{name: 'ip-netmask', directory: 'Require ip 127.0.0.0/255.0.0.0', requests: [{status: 200}]},
	{name: 'local', directory: 'Require local', requests: [{status: 200}]},
	{name: 'any-of-two', directory: 'Require ip 10.0.0.0/8\n\tRequire ip 127.0.0.1', requests: [{status: 200}]},
	{name: 'all-with-not', directory: '<RequireAll>\n\tRequire all granted\n\tRequire not ip 127.0.0.1\n\t</RequireAll>', requests: [{status: 403, cause: 'ip-allowlist'}]},
	{name: 'none-in-all', directory: '<RequireAll>\n\tRequire all granted\n\t<RequireNone>\n\tRequire ip 127.0.0.1\n\t</RequireNone>\n\t</RequireAll>', requests: [{status: 403, cause: 'ip-allowlist'}]},
	{name: 'none-miss', directory: '<RequireAll>\n\tRequire all granted\n\t<RequireNone>\n\tRequire ip 10.9.9.9\n\t</RequireNone>\n\t</RequireAll>', requests: [{status: 200}]},
	{name: 'limit-post', directory: '<Limit POST>\n\tRequire all denied\n\t</Limit>', requests: [{status: 200}, {method: 'POST', status: 403, cause: 'method-blocked'}]},
	{name: 'method-provider', directory: 'Require method GET', requests: [{status: 200}, {method: 'PUT', status: 403, cause: 'method-blocked'}]},
	{
		name: 'expr-referer', directory: 'Require expr "%{HTTP_REFERER} =~ m#^https://good\\.example/#"',
		requests: [{referer: 'https://good.example/page', status: 200}, {referer: 'https://evil.example/', status: 403, cause: 'hotlink-protection'}, {status: 403, cause: 'hotlink-protection'}],
	},
	{
		name: 'env-ua', directory: 'SetEnvIf User-Agent "^GoodBot" let_in\n\tRequire env let_in',
		requests: [{userAgent: 'GoodBot/2', status: 200}, {userAgent: 'Mozilla/5.0', status: 403, cause: 'bot-block'}],
	},
	{name: 'inherit', directory: 'Require all denied', extra: '<Directory "DOCROOT/inherit/child">\n\tOptions +Indexes\n</Directory>', file: 'child/f.txt', requests: [{status: 403, cause: 'server-deny-rule'}]},
	{name: 'merging-off', directory: 'Require all denied', extra: '<Directory "DOCROOT/merging-off/child">\n\tRequire all granted\n</Directory>', file: 'child/f.txt', requests: [{status: 200}]},
	{name: 'merging-or', directory: 'Require ip 10.0.0.0/8', extra: '<Directory "DOCROOT/merging-or/child">\n\tAuthMerging Or\n\tRequire local\n</Directory>', file: 'child/f.txt', requests: [{status: 200}]},
	{name: 'merging-and', directory: 'Require ip 10.0.0.0/8', extra: '<Directory "DOCROOT/merging-and/child">\n\tAuthMerging And\n\tRequire all granted\n</Directory>', file: 'child/f.txt', requests: [{status: 403, cause: 'ip-allowlist'}]},
	{name: 'order-allow-hit', directory: 'Order allow,deny\n\tAllow from 127.0.0.1', requests: [{status: 200}]},
	{name: 'order-allow-none', directory: 'Order allow,deny', requests: [{status: 403, cause: 'server-deny-rule'}]},
	{name: 'order-deny-then-allow', directory: 'Order deny,allow\n\tDeny from all\n\tAllow from 127.0.0.1', requests: [{status: 200}]},
	{name: 'satisfy-any-compat-allows', directory: 'Order deny,allow\n\tDeny from all\n\tAllow from 127.0.0.1\n\tRequire all denied\n\tSatisfy Any', requests: [{status: 200}]},
	{name: 'satisfy-any-authz-allows', directory: 'Order allow,deny\n\tRequire all granted\n\tSatisfy Any', requests: [{status: 200}]},
	{name: 'satisfy-any-neither', directory: 'Order allow,deny\n\tRequire all denied\n\tSatisfy Any', requests: [{status: 403, cause: 'server-deny-rule'}]},
	{name: 'satisfy-all-compat-denies', directory: 'Order allow,deny\n\tRequire all granted', requests: [{status: 403, cause: 'server-deny-rule'}]},
	{name: 'files-nested', directory: '<Files "*.secret">\n\tRequire all denied\n\t</Files>', file: 'x.secret', requests: [{status: 403, cause: 'server-deny-rule'}]},
	{name: 'location', directory: 'Require all granted', extra: '<Location "/location">\n\tRequire all denied\n</Location>', requests: [{status: 403, cause: 'server-deny-rule'}]},
	{name: 'if-method', directory: '<If "%{REQUEST_METHOD} == \'PUT\'">\n\tRequire all denied\n\t</If>', requests: [{status: 200}, {method: 'PUT', status: 403, cause: 'method-blocked'}]},
	{
		name: 'valid-user', directory: 'AuthType Basic\n\tAuthName "members"\n\tAuthUserFile "DOCROOT/../conf/users"\n\tRequire valid-user',
		requests: [{status: 401, cause: 'missing-credentials'}],
	},
];

let instance: ApacheInstance | undefined;

beforeAll(async () => {
	if (!apacheAvailable) {
		return;
	}

	const files: Record<string, string> = {'conf/users': ''};
	for (const entry of cases) {
		files[`www/${entry.name}/${entry.file ?? 'f.txt'}`] = entry.name;
	}

	instance = await startApache({
		files,
		config: ({docroot}) => [
			`LoadModule auth_basic_module ${apacheModules}/mod_auth_basic.so`,
			`LoadModule authn_file_module ${apacheModules}/mod_authn_file.so`,
			`<Directory "${docroot}">\n\tRequire all granted\n</Directory>`,
			...cases.map(entry => `<Directory "${docroot}/${entry.name}">\n\t${entry.directory}\n</Directory>\n${entry.extra?.replaceAll('DOCROOT', docroot) ?? ''}`),
		].join('\n'),
	});
});

afterAll(async () => {
	await instance?.stop();
});

describe.skipIf(!apacheAvailable)('Require logic: the reader agrees with a real Apache', () => {
	test.each(cases)('$name', async entry => {
		const server = instance!;
		for (const request of entry.requests) {
			const urlPath = `/${entry.name}/${entry.file ?? 'f.txt'}`;
			const headers: Record<string, string> = {};
			if (request.referer) {
				headers['referer'] = request.referer;
			}

			if (request.userAgent) {
				headers['user-agent'] = request.userAgent;
			}

			const real = await server.request(urlPath, {method: request.method, headers});
			const label = `${request.method ?? 'GET'} ${urlPath} ${JSON.stringify(headers)}`;
			expect(real.status === 405 ? 200 : real.status, label).toBe(request.status);

			const analysis = await analyze(server, urlPath, {method: request.method, referer: request.referer, userAgent: request.userAgent});
			const expected = real.status === 403 ? 'forbidden' : (real.status === 401 ? 'unknown' : 'allowed');
			expect(analysis.verdict, `${label}: ${JSON.stringify(analysis.findings, undefined, 1)}`).toBe(expected);
			if (request.cause) {
				expect(topCause(analysis.findings[0]), label).toBe(request.cause);
			}
		}
	});
});
