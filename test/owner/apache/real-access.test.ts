import {afterEach, describe, expect, test} from 'vitest';
import {renderApacheAnalysis} from '../../../src/owner/apache/index.js';
import {apacheAvailable, apacheModules, startApache} from '../../helpers/apache-instance.js';
import type {ApacheInstance} from '../../helpers/apache-instance.js';
import {analyze, expectAllowed, expectFirstCause, expectLogCode} from './real-helpers.js';

// Each test starts a private httpd with one misconfiguration, proves the real server answers 403 (and 200
// where the trigger is absent), then checks that analyzeApache names the same cause at the right line and
// that the real error log carries the AH code REFERENCE.md §2.2 predicts.
let instance: ApacheInstance | undefined;
afterEach(async () => {
	await instance?.stop();
	instance = undefined;
});

describe.skipIf(!apacheAvailable)('access rules against a real Apache', () => {
	test('Require all denied on a folder → server-deny-rule, AH01630', async () => {
		instance = await startApache({
			files: {'www/index.html': 'home', 'www/private/secret.txt': 'secret'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n</Directory>\n<Directory "${docroot}/private">\n\tRequire all denied\n</Directory>`,
		});
		expect((await instance.request('/index.html')).status).toBe(200);
		expect((await instance.request('/private/secret.txt')).status).toBe(403);

		const analysis = await analyze(instance, '/private/secret.txt');
		const line = await instance.lineOf('Require all denied', {after: '/private">'});
		const first = expectFirstCause(analysis, 'server-deny-rule', instance.confPath, line);
		expect(first.data?.['expectedLog']).toBe('AH01630');
		expect(analysis.sections.map(section => section.label)).toEqual([
			'server config', '<Directory />', `<Directory "${instance.docroot}">`, `<Directory "${instance.docroot}/private">`,
		]);
		expectAllowed(await analyze(instance, '/index.html'));
		await expectLogCode(instance, 'AH01630', 'private/secret.txt', 'server-deny-rule');

		const text = renderApacheAnalysis(analysis);
		expect(text).toContain(`Maps to ${instance.docroot}/private/secret.txt via DocumentRoot`);
		expect(text).toContain(`  <Directory "${instance.docroot}/private">  ${instance.confPath}:${line - 1}`);
		expect(text).toContain(`✗ "Require all denied" refuses GET /private/secret.txt to everyone`);
	});

	test('Require ip 10.0.0.0/8 with a client outside it → ip-allowlist, AH01630', async () => {
		instance = await startApache({
			files: {'www/index.html': 'home', 'www/intranet/report.txt': 'numbers'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n</Directory>\n<Directory "${docroot}/intranet">\n\tRequire ip 10.0.0.0/8\n</Directory>`,
		});
		expect((await instance.request('/intranet/report.txt')).status).toBe(403);
		expect((await instance.request('/index.html')).status).toBe(200);

		const line = await instance.lineOf('Require ip 10.0.0.0/8');
		const first = expectFirstCause(await analyze(instance, '/intranet/report.txt'), 'ip-allowlist', instance.confPath, line);
		expect(first.text).toContain('127.0.0.1');
		expect(first.fix?.owner?.[0]).toContain('Require ip 127.0.0.1');
		// The same request from inside the allowed network is fine according to the reader.
		expectAllowed(await analyze(instance, '/intranet/report.txt', {clientAddress: '10.20.30.40'}));
		await expectLogCode(instance, 'AH01630', 'intranet/report.txt', 'ip-allowlist');
	});

	test('.htaccess with Require all denied under AllowOverride AuthConfig → the .htaccess line, AH01630', async () => {
		instance = await startApache({
			files: {'www/index.html': 'home', 'www/members/.htaccess': '# members only\nRequire all denied\n', 'www/members/list.txt': 'names'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tAllowOverride AuthConfig\n\tRequire all granted\n</Directory>`,
		});
		expect((await instance.request('/members/list.txt')).status).toBe(403);
		expect((await instance.request('/index.html')).status).toBe(200);

		const htaccess = `${instance.docroot}/members/.htaccess`;
		const analysis = await analyze(instance, '/members/list.txt');
		expectFirstCause(analysis, 'server-deny-rule', htaccess, 2);
		expect(analysis.sections.at(-1)).toMatchObject({kind: 'htaccess', file: htaccess});
		await expectLogCode(instance, 'AH01630', 'members/list.txt', 'server-deny-rule');
	});

	test('AccessFileName and AllowOverrideList: a .acl file allowed to carry Require only', async () => {
		instance = await startApache({
			files: {'www/team/.acl': 'Require all denied\n', 'www/team/.htaccess': 'Require all granted\n', 'www/team/plan.txt': 'plan'},
			config: ({docroot}) => `AccessFileName .acl\n<Directory "${docroot}">\n\tAllowOverride None\n\tAllowOverrideList Require\n\tRequire all granted\n</Directory>`,
		});
		expect((await instance.request('/team/plan.txt')).status).toBe(403);
		expectFirstCause(await analyze(instance, '/team/plan.txt'), 'server-deny-rule', `${instance.docroot}/team/.acl`, 1);
		await expectLogCode(instance, 'AH01630', 'team/plan.txt', 'server-deny-rule');
	});

	test('SSLRequireSSL on a plain-HTTP request → tls-rejected, AH02219', async () => {
		instance = await startApache({
			files: {'www/secure/a.txt': 'a', 'www/open.txt': 'b'},
			config: ({docroot}) => [
				`LoadModule socache_shmcb_module ${apacheModules}/mod_socache_shmcb.so`,
				`LoadModule ssl_module ${apacheModules}/mod_ssl.so`,
				`<Directory "${docroot}">\n\tRequire all granted\n</Directory>`,
				`<Directory "${docroot}/secure">\n\tSSLRequireSSL\n</Directory>`,
			].join('\n'),
		});
		expect((await instance.request('/secure/a.txt')).status).toBe(403);
		expect((await instance.request('/open.txt')).status).toBe(200);
		expectFirstCause(await analyze(instance, '/secure/a.txt'), 'tls-rejected', instance.confPath, await instance.lineOf('SSLRequireSSL'));
		await expectLogCode(instance, 'AH02219', 'secure/a.txt', 'tls-rejected');
	});

	test('the same .htaccess under AllowOverride None is ignored by Apache and by the reader', async () => {
		instance = await startApache({
			files: {'www/members/.htaccess': 'Require all denied\n', 'www/members/list.txt': 'names'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tAllowOverride None\n\tRequire all granted\n</Directory>`,
		});
		expect((await instance.request('/members/list.txt')).status).toBe(200);

		const analysis = await analyze(instance, '/members/list.txt');
		expectAllowed(analysis);
		expect(analysis.findings.find(finding => finding.code === 'apache.htaccess-ignored')?.location?.file).toBe(`${instance.docroot}/members/.htaccess`);
	});

	test('<LimitExcept GET> Require all denied → method-blocked for POST, GET passes', async () => {
		instance = await startApache({
			files: {'www/api/data.txt': 'data'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n</Directory>\n<Directory "${docroot}/api">\n\t<LimitExcept GET>\n\t\tRequire all denied\n\t</LimitExcept>\n</Directory>`,
		});
		expect((await instance.request('/api/data.txt', {method: 'POST'})).status).toBe(403);
		expect((await instance.request('/api/data.txt')).status).toBe(200);
		expect((await instance.request('/api/data.txt', {method: 'HEAD'})).status).toBe(200);

		const first = expectFirstCause(await analyze(instance, '/api/data.txt', {method: 'POST'}), 'method-blocked', instance.confPath, await instance.lineOf('\t\tRequire all denied'));
		expect(first.fix?.owner?.[0]).toContain('<LimitExcept GET>');
		expectAllowed(await analyze(instance, '/api/data.txt'));
		expectAllowed(await analyze(instance, '/api/data.txt', {method: 'HEAD'}));
		// REFERENCE §2.2: the refusal is an ordinary authz denial, logged as AH01630.
		await expectLogCode(instance, 'AH01630', 'api/data.txt', 'method-blocked');
	});

	test('Require all granted next to <LimitExcept GET> in one section lets POST through (implicit RequireAny), in Apache and in the reader', async () => {
		instance = await startApache({
			files: {'www/api/data.txt': 'data'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n\t<LimitExcept GET>\n\t\tRequire all denied\n\t</LimitExcept>\n</Directory>`,
		});
		expect((await instance.request('/api/data.txt', {method: 'POST'})).status).toBe(200);
		expectAllowed(await analyze(instance, '/api/data.txt', {method: 'POST'}));
	});

	test('2.2-style Order deny,allow + Deny from all → server-deny-rule via mod_access_compat, AH01797', async () => {
		instance = await startApache({
			files: {'www/index.html': 'home', 'www/legacy/old.txt': 'old'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n</Directory>\n<Directory "${docroot}/legacy">\n\tOrder deny,allow\n\tDeny from all\n</Directory>`,
		});
		expect((await instance.request('/legacy/old.txt')).status).toBe(403);
		expect((await instance.request('/index.html')).status).toBe(200);

		const first = expectFirstCause(await analyze(instance, '/legacy/old.txt'), 'server-deny-rule', instance.confPath, await instance.lineOf('Deny from all'));
		expect(first.code).toBe('apache.access-compat-denied');
		expect(first.data?.['expectedLog']).toBe('AH01797');
		await expectLogCode(instance, 'AH01797', 'legacy/old.txt', 'server-deny-rule');
	});
});
