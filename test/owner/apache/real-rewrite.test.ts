import {afterEach, describe, expect, test} from 'vitest';
import {apacheAvailable, startApache} from '../../helpers/apache-instance.js';
import type {ApacheInstance} from '../../helpers/apache-instance.js';
import {analyze, expectAllowed, expectFirstCause, expectLogCode} from './real-helpers.js';

// mod_rewrite [F] against a real httpd. REFERENCE §2.2 says [F] logs nothing at the default LogLevel; the
// tests check that too, so the reader must find these from the config alone.
let instance: ApacheInstance | undefined;
afterEach(async () => {
	await instance?.stop();
	instance = undefined;
});

const hotlinkRules = [
	// The classic hotlink block (https://httpd.apache.org/docs/2.4/rewrite/access.html#blocked-inline-images).
	'\tRewriteCond "%{HTTP_REFERER}" "!^$"',
	'\tRewriteCond "%{HTTP_REFERER}" "!www.example.com" [NC]',
	'\tRewriteRule "\\.(gif|jpg|png)$" - [F,NC]',
	// Blocking robots by user agent, adapted from the same page (#blocking-of-robots).
	'\tRewriteCond "%{HTTP_USER_AGENT}" "^BadBot"',
	'\tRewriteRule "^robots-only/" - [F,L]',
	'\tRewriteCond "%{REQUEST_METHOD}" "^DELETE$"',
	'\tRewriteRule "^" - [F]',
].join('\n');

describe.skipIf(!apacheAvailable)('RewriteRule [F] against a real Apache', () => {
	test('RewriteRule ^secret - [F] in a <Directory> → server-deny-rule, nothing in the error log', async () => {
		instance = await startApache({
			files: {'www/secret.txt': 'secret', 'www/public.txt': 'public'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n\tRewriteEngine On\n\tRewriteRule ^secret - [F]\n</Directory>`,
		});
		expect((await instance.request('/secret.txt')).status).toBe(403);
		expect((await instance.request('/public.txt')).status).toBe(200);

		const first = expectFirstCause(await analyze(instance, '/secret.txt'), 'server-deny-rule', instance.confPath, await instance.lineOf('RewriteRule ^secret'));
		expect(first.code).toBe('apache.rewrite-forbidden');
		expectAllowed(await analyze(instance, '/public.txt'));
		await instance.accessLogLine('/secret.txt');
		expect(await instance.readErrorLog()).not.toContain('secret.txt');
	});

	test('RewriteRule ^/secret - [F] at virtual-host level applies before any section', async () => {
		instance = await startApache({
			files: {'www/secret.txt': 'secret', 'www/public.txt': 'public'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n</Directory>\nRewriteEngine On\nRewriteRule ^/secret - [F]`,
		});
		expect((await instance.request('/secret.txt')).status).toBe(403);
		expect((await instance.request('/public.txt')).status).toBe(200);
		expectFirstCause(await analyze(instance, '/secret.txt'), 'server-deny-rule', instance.confPath, await instance.lineOf('RewriteRule ^/secret'));
		expectAllowed(await analyze(instance, '/public.txt'));
	});

	test('Referer, User-Agent and method conditions name hotlink-protection, bot-block and method-blocked', async () => {
		instance = await startApache({
			files: {'www/logo.png': 'png', 'www/robots-only/page.txt': 'page', 'www/page.txt': 'page'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tRequire all granted\n\tRewriteEngine On\n${hotlinkRules}\n</Directory>`,
		});
		const evil = 'http://evil.example.net/page';
		expect((await instance.request('/logo.png', {headers: {referer: evil}})).status).toBe(403);
		expect((await instance.request('/logo.png')).status).toBe(200);
		expect((await instance.request('/logo.png', {headers: {referer: 'http://www.example.com/'}})).status).toBe(200);
		expect((await instance.request('/robots-only/page.txt', {headers: {'user-agent': 'BadBot/1.0'}})).status).toBe(403);
		expect((await instance.request('/robots-only/page.txt', {headers: {'user-agent': 'Mozilla/5.0'}})).status).toBe(200);
		expect((await instance.request('/page.txt', {method: 'DELETE'})).status).toBe(403);

		expectFirstCause(await analyze(instance, '/logo.png', {referer: evil}), 'hotlink-protection', instance.confPath, await instance.lineOf('RewriteRule "\\.(gif'));
		expectAllowed(await analyze(instance, '/logo.png'));
		expectAllowed(await analyze(instance, '/logo.png', {referer: 'http://www.example.com/'}));
		expectFirstCause(await analyze(instance, '/robots-only/page.txt', {userAgent: 'BadBot/1.0'}), 'bot-block', instance.confPath, await instance.lineOf('RewriteRule "^robots-only/"'));
		expectAllowed(await analyze(instance, '/robots-only/page.txt', {userAgent: 'Mozilla/5.0'}));
		expectFirstCause(await analyze(instance, '/page.txt', {method: 'DELETE'}), 'method-blocked', instance.confPath, await instance.lineOf('RewriteRule "^" - [F]'));
	});

	test('RewriteRule in a folder with FollowSymLinks and SymLinksIfOwnerMatch off → AH00670', async () => {
		instance = await startApache({
			files: {'www/page.txt': 'page'},
			config: ({docroot}) => `<Directory "${docroot}">\n\tOptions None\n\tRequire all granted\n\tRewriteEngine On\n\tRewriteRule ^nothing-matches$ - [F]\n</Directory>`,
		});
		expect((await instance.request('/page.txt')).status).toBe(403);
		expectFirstCause(await analyze(instance, '/page.txt'), 'symlink-blocked', instance.confPath, await instance.lineOf('Options None'));
		await expectLogCode(instance, 'AH00670', 'page.txt', 'symlink-blocked');
	});
});
