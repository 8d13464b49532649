import {afterEach, describe, expect, test} from 'vitest';
import {apacheAvailable, apacheModules, startApache} from '../../helpers/apache-instance.js';
import type {ApacheInstance} from '../../helpers/apache-instance.js';
import {analyze} from './real-helpers.js';

// Merge order per https://httpd.apache.org/docs/2.4/sections.html#merging: <Directory> shortest to longest with
// .htaccess after each level (main server before virtual host at the same level), then <DirectoryMatch>,
// <Files>, <Location>, <If>. mod_headers appends `Header append` values in merge order, so the real response
// header spells out the order httpd used; the reader must list the same sections in the same order.
let instance: ApacheInstance | undefined;
afterEach(async () => {
	await instance?.stop();
	instance = undefined;
});

describe.skipIf(!apacheAvailable)('section merge order against a real Apache', () => {
	test('Directory levels (main then vhost, .htaccess after each), DirectoryMatch, Files, Location, If', async () => {
		instance = await startApache({
			files: {'www/a/b/f.html': 'f', 'www/a/.htaccess': 'Header append X-Order htaccess-a\n'},
			config: ({docroot}) => [
				`LoadModule headers_module ${apacheModules}/mod_headers.so`,
				'<If "true">\n\tHeader append X-Order if\n</If>',
				'<Location "/a">\n\tHeader append X-Order location\n</Location>',
				'<Files "f.html">\n\tHeader append X-Order files\n</Files>',
				`<DirectoryMatch "^${docroot}/a/b/">\n\tHeader append X-Order dirmatch\n</DirectoryMatch>`,
				`<Directory "${docroot}/a/b">\n\tHeader append X-Order dir-ab\n</Directory>`,
				`<Directory "${docroot}/a">\n\tHeader append X-Order dir-a\n</Directory>`,
				`<Directory "${docroot}">\n\tAllowOverride FileInfo\n\tRequire all granted\n\tHeader append X-Order dir-docroot\n</Directory>`,
				'<VirtualHost *:*>',
				'\tServerName 127.0.0.1',
				`\t<Directory "${docroot}/a">\n\t\tHeader append X-Order vhost-dir-a\n\t</Directory>`,
				'</VirtualHost>',
			].join('\n'),
		});
		const response = await instance.request('/a/b/f.html');
		expect(response.status).toBe(200);
		const order = String(response.headers['x-order']).split(/,\s*/);
		expect(order).toEqual(['dir-docroot', 'dir-a', 'vhost-dir-a', 'htaccess-a', 'dir-ab', 'dirmatch', 'files', 'location', 'if']);

		const {docroot} = instance;
		const analysis = await analyze(instance, '/a/b/f.html');
		expect(analysis.vhost.name).toBe('<VirtualHost *:*> (127.0.0.1)');
		const labels = analysis.sections.filter(section => section.kind !== 'server').map(section => section.label);
		expect(labels).toEqual([
			'<Directory />',
			`<Directory "${docroot}">`,
			`<Directory "${docroot}/a">`,
			`<Directory "${docroot}/a">`,
			`${docroot}/a/.htaccess`,
			`<Directory "${docroot}/a/b">`,
			`<DirectoryMatch "^${docroot}/a/b/">`,
			'<Files "f.html">',
			'<Location "/a">',
			'<If "true">',
		]);
		// The two <Directory "…/a"> blocks: the main server's first, then the virtual host's.
		const sameLevel = analysis.sections.filter(section => section.label === `<Directory "${docroot}/a">`);
		expect(sameLevel[0]!.line).toBeLessThan(sameLevel[1]!.line);
	});
});
