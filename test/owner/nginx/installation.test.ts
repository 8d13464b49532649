import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {findNginxConfig, nodeNginxIo, parseBuildInfo, parseNginxText, webUserFromNginx, type NginxConfig, type NginxIo} from '../../../src/owner/nginx/index.js';
import {findUser} from '../../../src/owner/nginx/passwd.js';
import {nginxBinary} from '../../helpers/nginx-instance.js';

// `nginx -V` of Debian 12's nginx 1.22.1 (this machine) and of an upstream source build.
const debian = `nginx version: nginx/1.22.1
built with OpenSSL 3.0.22 25 Aug 2026 (running with OpenSSL 3.0.19 27 Jan 2026)
TLS SNI support enabled
configure arguments: --with-cc-opt='-g -O2 -ffile-prefix-map=/build/reproducible-path/nginx-1.22.1=. -fstack-protector-strong -Wformat -Werror=format-security -fPIC -Wdate-time -D_FORTIFY_SOURCE=2' --with-ld-opt='-Wl,-z,relro -Wl,-z,now -fPIC' --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf --http-log-path=/var/log/nginx/access.log --error-log-path=stderr --lock-path=/var/lock/nginx.lock --pid-path=/run/nginx.pid --with-http_secure_link_module`;
const upstream = `nginx version: nginx/1.27.3
built by gcc 12.2.0 (Debian 12.2.0-14)
configure arguments: --prefix=/opt/nginx --user=web --group=web --with-http_ssl_module`;

function config(text: string): NginxConfig {
	return {file: '/etc/nginx/nginx.conf', prefix: '/usr/share/nginx', confDir: '/etc/nginx', directives: parseNginxText(text, '/etc/nginx/nginx.conf'), files: []};
}

describe('parseBuildInfo', () => {
	test('Debian build', () => {
		expect(parseBuildInfo(debian)).toMatchObject({version: '1.22.1', prefix: '/usr/share/nginx', confPath: '/etc/nginx/nginx.conf', errorLogPath: 'stderr', user: undefined});
		expect(parseBuildInfo(debian).modules).toContain('with-http_secure_link_module');
	});

	test('source build with --user', () => {
		expect(parseBuildInfo(upstream)).toMatchObject({version: '1.27.3', prefix: '/opt/nginx', confPath: undefined, user: 'web', group: 'web'});
	});

	test.skipIf(!existsSync(nginxBinary))('the installed nginx -V', async () => {
		const stderr = await new Promise<string>(resolve => {
			execFile(nginxBinary, ['-V'], {encoding: 'utf8'}, (_error, _stdout, output) => {
				resolve(output);
			});
		});
		const info = parseBuildInfo(stderr);
		expect(info.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(info.confPath).toBeDefined();
	});
});

describe('webUserFromNginx', () => {
	test.each([
		['user www-data;', undefined, {user: 'www-data', group: 'www-data'}],
		['user nginx web;', undefined, {user: 'nginx', group: 'web'}],
		['worker_processes 1;', undefined, {user: 'nobody', group: 'nogroup'}],
		['worker_processes 1;', {user: 'web', group: 'web'}, {user: 'web', group: 'web'}],
	] as const)('%s (build %o)', (text, build, expected) => {
		expect(webUserFromNginx(config(text), build)).toMatchObject(expected);
	});

	test('the directive is kept for messages', () => {
		expect(webUserFromNginx(config('\nuser www-data;')).directive?.line).toBe(2);
	});
});

describe('findNginxConfig', () => {
	const fake = (runs: Record<string, string>, files: string[]): NginxIo => ({
		...nodeNginxIo(),
		async run(command) {
			return runs[command] === undefined ? undefined : {code: 0, stdout: '', stderr: runs[command]!};
		},
		async stat(path) {
			return files.includes(path) ? {kind: 'file', mode: 0o644, uid: 0, gid: 0} : {error: 'ENOENT'};
		},
	});

	test('uses the binary --conf-path', async () => {
		expect(await findNginxConfig(fake({nginx: debian}, ['/etc/nginx/nginx.conf']))).toMatchObject({configPath: '/etc/nginx/nginx.conf', prefix: '/usr/share/nginx', source: 'nginx -V'});
	});

	test('a relative default conf path is under the prefix', async () => {
		expect(await findNginxConfig(fake({'/usr/sbin/nginx': upstream}, ['/opt/nginx/conf/nginx.conf']))).toMatchObject({configPath: '/opt/nginx/conf/nginx.conf', build: {user: 'web'}});
	});

	test('no binary: the well-known paths', async () => {
		expect(await findNginxConfig(fake({}, ['/usr/local/nginx/conf/nginx.conf']))).toMatchObject({configPath: '/usr/local/nginx/conf/nginx.conf', source: 'well-known path'});
		expect(await findNginxConfig(fake({}, []))).toBeUndefined();
	});

	test.skipIf(!existsSync('/etc/nginx/nginx.conf'))('on this machine', async () => {
		expect(await findNginxConfig(nodeNginxIo())).toMatchObject({configPath: '/etc/nginx/nginx.conf'});
	});
});

describe('findUser', () => {
	// Lines as in Debian's /etc/passwd and /etc/group.
	const passwd = 'root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n';
	const group = 'root:x:0:\nwww-data:x:33:\nssl-cert:x:110:www-data,postgres\n';
	test('uid, primary and supplementary groups', () => {
		expect(findUser('www-data', passwd, group)).toEqual({name: 'www-data', uid: 33, gid: 33, groups: [33, 110]});
		expect(findUser('nobody', passwd, group)).toBeUndefined();
	});

	test('the real www-data on this machine', async () => {
		const user = await nodeNginxIo().lookupUser('www-data');
		expect(user?.uid).toBeTypeOf('number');
	});
});
