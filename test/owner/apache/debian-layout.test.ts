import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {parseEnvvars} from '../../../src/owner/apache/envvars.js';
import {analyzeApache, configFromVersionOutput, findApacheConfig, loadApacheConfig, nodeApacheIo, webUserFromApache} from '../../../src/owner/apache/index.js';
import type {ApacheIo} from '../../../src/owner/apache/index.js';
import {apacheBinary} from '../../helpers/apache-instance.js';

// Debian's apache2 package: /etc/apache2/apache2.conf says `User ${APACHE_RUN_USER}` and apache2ctl sources
// /etc/apache2/envvars (`export APACHE_RUN_USER=www-data`). The excerpt below is that file's shape (Debian
// apache2 2.4, debian/config-dir/envvars).
const envvars = [
	'unset HOME',
	'if [ "${APACHE_CONFDIR##/etc/apache2-}" != "${APACHE_CONFDIR}" ] ; then',
	'\tSUFFIX="-${APACHE_CONFDIR##/etc/apache2-}"',
	'else',
	'\tSUFFIX=',
	'fi',
	'export APACHE_RUN_USER=www-data',
	'export APACHE_RUN_GROUP=www-data',
	'export APACHE_PID_FILE=/var/run/apache2$SUFFIX/apache2.pid',
	'export APACHE_RUN_DIR=/var/run/apache2$SUFFIX',
	'export APACHE_LOG_DIR=/var/log/apache2$SUFFIX',
	'export LANG=C',
].join('\n');

describe('Debian layout', () => {
	test('parseEnvvars reads the exports without running the script', () => {
		expect(parseEnvvars(envvars)).toEqual({
			APACHE_RUN_USER: 'www-data', APACHE_RUN_GROUP: 'www-data', APACHE_PID_FILE: '/var/run/apache2/apache2.pid',
			APACHE_RUN_DIR: '/var/run/apache2', APACHE_LOG_DIR: '/var/log/apache2', LANG: 'C',
		});
	});

	test('webUserFromApache resolves ${APACHE_RUN_USER} from envvars next to apache2.conf', async () => {
		const root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-debian-'));
		try {
			await writeFile(path.join(root, 'envvars'), envvars.replace('www-data\nexport APACHE_RUN_GROUP=www-data', 'web\nexport APACHE_RUN_GROUP=webgroup'));
			await writeFile(path.join(root, 'apache2.conf'), 'DefaultRuntimeDir ${APACHE_RUN_DIR}\nUser ${APACHE_RUN_USER}\nGroup ${APACHE_RUN_GROUP}\nErrorLog ${APACHE_LOG_DIR}/error.log\n');
			const config = await loadApacheConfig(path.join(root, 'apache2.conf'), nodeApacheIo);
			expect(webUserFromApache(config)).toEqual({user: 'web', group: 'webgroup', at: {file: path.join(root, 'apache2.conf'), line: 2}});
			expect(config.nodes[3]).toMatchObject({name: 'ErrorLog', args: ['/var/log/apache2/error.log']});
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});

	test('without envvars the variable stays unresolved and no user is claimed', async () => {
		const root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-debian-'));
		try {
			await writeFile(path.join(root, 'httpd.conf'), 'User ${APACHE_RUN_USER}\n');
			expect(webUserFromApache(await loadApacheConfig(path.join(root, 'httpd.conf'), nodeApacheIo))).toBeUndefined();
			await writeFile(path.join(root, 'httpd.conf'), 'User apache\nGroup apache\n');
			expect(webUserFromApache(await loadApacheConfig(path.join(root, 'httpd.conf'), nodeApacheIo))?.user).toBe('apache');
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});

	test.skipIf(!existsSync('/etc/apache2/apache2.conf'))('this machine\'s /etc/apache2 loads, names www-data, and serves /var/www/html', async () => {
		expect(await findApacheConfig(nodeApacheIo)).toEqual({path: '/etc/apache2/apache2.conf', source: 'debian'});
		const config = await loadApacheConfig('/etc/apache2/apache2.conf', nodeApacheIo);
		expect(webUserFromApache(config)?.user).toBe('www-data');
		const analysis = await analyzeApache(config, {url: 'http://localhost/.htaccess', method: 'GET', clientAddress: '198.51.100.4'}, nodeApacheIo);
		// Debian's apache2.conf: <FilesMatch "^\.ht"> Require all denied </FilesMatch>.
		expect(analysis.findings[0]).toMatchObject({code: 'apache.require-all', location: {file: '/etc/apache2/apache2.conf'}});
	});
});

describe('findApacheConfig', () => {
	const io = (files: string[], outputs: Record<string, string>): ApacheIo => ({
		readText: async () => undefined,
		list: async () => undefined,
		lstat: async file => (files.includes(file) ? {kind: 'file', uid: 0, gid: 0, mode: 0o644} : undefined),
		stat: async file => (files.includes(file) ? {kind: 'file', uid: 0, gid: 0, mode: 0o644} : undefined),
		run: async program => outputs[program],
	});

	test('Red Hat layout', async () => {
		expect(await findApacheConfig(io(['/etc/httpd/conf/httpd.conf'], {}))).toEqual({path: '/etc/httpd/conf/httpd.conf', source: 'redhat'});
	});

	test('falls back to what httpd -V reports', async () => {
		const output = 'Server version: Apache/2.4.62 (Unix)\n -D HTTPD_ROOT="/usr/local/apache2"\n -D SERVER_CONFIG_FILE="conf/httpd.conf"\n';
		expect(await findApacheConfig(io(['/usr/local/apache2/conf/httpd.conf'], {httpd: output}))).toEqual({path: '/usr/local/apache2/conf/httpd.conf', source: 'apachectl'});
		expect(await findApacheConfig(io([], {}))).toBeUndefined();
	});

	test.skipIf(!existsSync(apacheBinary))('reads the real `apache2 -V` output', () => {
		const output = spawnSync(apacheBinary, ['-V'], {encoding: 'utf8'}).stdout;
		expect(configFromVersionOutput(output)).toBe('/etc/apache2/apache2.conf');
	});
});

describe('a folder of site files (--apache-conf DIR)', () => {
	test('every file is read in name order and the vhost is picked by ServerName', async () => {
		const root = await mkdtemp(path.join(os.tmpdir(), 'fix403-apache-sites-'));
		try {
			const sites = path.join(root, 'sites');
			const shop = path.join(root, 'srv', 'shop');
			await mkdir(path.join(shop, 'admin'), {recursive: true});
			await mkdir(sites);
			await writeFile(path.join(sites, '10-blog.conf'), `<VirtualHost *:80>\n\tServerName blog.example\n\tDocumentRoot ${root}/srv/blog\n</VirtualHost>\n`);
			await writeFile(path.join(sites, '20-shop.conf'), [
				'<VirtualHost *:80>',
				'\tServerName shop.example',
				`\tDocumentRoot ${shop}`,
				`\t<Directory ${shop}/admin>`,
				'\t\tRequire ip 10.0.0.0/8',
				'\t</Directory>',
				'</VirtualHost>',
			].join('\n'));
			const analysis = await analyzeApache(sites, {url: 'http://shop.example/admin/', method: 'GET', clientAddress: '198.51.100.20'}, nodeApacheIo);
			expect(analysis.vhost).toMatchObject({name: '<VirtualHost *:80> (shop.example)', file: path.join(sites, '20-shop.conf'), line: 1});
			expect(analysis.mappedPath).toBe(`${shop}/admin/`);
			expect(analysis.findings[0]).toMatchObject({code: 'apache.require-ip', location: {file: path.join(sites, '20-shop.conf'), line: 5}, supports: {'ip-allowlist': 0.9}});
			const blog = await analyzeApache(sites, {url: 'http://blog.example/', method: 'GET', clientAddress: '198.51.100.20'}, nodeApacheIo);
			expect(blog.vhost.name).toBe('<VirtualHost *:80> (blog.example)');
			expect(blog.verdict).toBe('allowed');
		} finally {
			await rm(root, {recursive: true, force: true});
		}
	});
});
