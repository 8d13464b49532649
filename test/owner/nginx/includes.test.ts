import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {assembleNginxConfig} from '../../../src/owner/nginx/assemble.js';
import {loadNginxConfig, nodeNginxIo, parseNginxDump, splitNginxDump, type Directive} from '../../../src/owner/nginx/index.js';
import {matchGlob} from '../../../src/owner/nginx/glob.js';
import {nginxBinary} from '../../helpers/nginx-instance.js';

/** name@file:line for every directive, depth-first, to compare trees compactly. */
function flat(directives: readonly Directive[]): string[] {
	return directives.flatMap(item => [`${item.name}@${path.basename(item.file)}:${item.line}`, ...flat(item.block ?? [])]);
}

function memory(files: Record<string, string>) {
	const texts = new Map(Object.entries(files));
	const names = [...texts.keys()].sort();
	return {texts, glob: (pattern: string) => names.filter(name => matchGlob(pattern, name))};
}

describe('assembling includes', () => {
	const files = {
		'/etc/nginx/nginx.conf': 'user www-data;\nhttp {\n\tinclude conf.d/*.conf;\n\tinclude /etc/nginx/sites-enabled/*;\n}\n',
		'/etc/nginx/conf.d/b.conf': 'gzip on;\n',
		'/etc/nginx/conf.d/a.conf': '# first by glob order\nserver_tokens off;\n',
		'/etc/nginx/conf.d/.hidden.conf': 'never;\n',
		'/etc/nginx/sites-enabled/site': 'server {\n\tlocation /admin/ {\n\t\tinclude snippets/admin.conf;\n\t}\n}\n',
		'/etc/nginx/snippets/admin.conf': 'allow 10.0.0.0/8;\ndeny all;\n',
	};

	test('includes are replaced in place, in glob order, relative to the main file folder; each directive keeps its file and line', () => {
		const config = assembleNginxConfig('/etc/nginx/nginx.conf', memory(files), {prefix: '/usr/share/nginx'});
		expect(flat(config.directives)).toEqual([
			'user@nginx.conf:1',
			'http@nginx.conf:2',
			'server_tokens@a.conf:2',
			'gzip@b.conf:1',
			'server@site:1',
			'location@site:2',
			'allow@admin.conf:1',
			'deny@admin.conf:2',
		]);
		expect(config.files).toEqual([
			'/etc/nginx/nginx.conf',
			'/etc/nginx/conf.d/a.conf',
			'/etc/nginx/conf.d/b.conf',
			'/etc/nginx/sites-enabled/site',
			'/etc/nginx/snippets/admin.conf',
		]);
	});

	test('a missing include file is a typed error at the include line; an empty glob is fine', () => {
		const broken = {...files, '/etc/nginx/nginx.conf': 'http {\n\tinclude none/*.conf;\n\tinclude missing.conf;\n}\n'};
		expect(() => assembleNginxConfig('/etc/nginx/nginx.conf', memory(broken), {prefix: '/usr/share/nginx'}))
			.toThrow(expect.objectContaining({code: 'ERR_NGINX_INCLUDE', file: '/etc/nginx/nginx.conf', line: 3, reason: 'open() "/etc/nginx/missing.conf" failed (No such file or directory)'}));
	});

	test('a syntax error inside an included file names that file', () => {
		const broken = {...files, '/etc/nginx/snippets/admin.conf': 'allow 10.0.0.0/8\n}\n'};
		expect(() => assembleNginxConfig('/etc/nginx/nginx.conf', memory(broken), {prefix: '/usr/share/nginx'}))
			.toThrow(expect.objectContaining({code: 'ERR_NGINX_SYNTAX', file: '/etc/nginx/snippets/admin.conf', line: 2}));
	});

	test('an include cycle stops with a typed error', () => {
		const cycle = {'/etc/nginx/nginx.conf': 'include loop.conf;\n', '/etc/nginx/loop.conf': 'include nginx.conf;\n'};
		expect(() => assembleNginxConfig('/etc/nginx/nginx.conf', memory(cycle), {prefix: '/usr/share/nginx'}))
			.toThrow(expect.objectContaining({code: 'ERR_NGINX_LIMIT'}));
	});
});

describe('nginx -T output', () => {
	// Shape of `nginx -T 2>&1` from nginx 1.22 (src/core/nginx.c): stderr lines, then each file after its
	// "# configuration file <path>:" header, with one extra newline after each file.
	const dump = [
		'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok',
		'nginx: configuration file /etc/nginx/nginx.conf test is successful',
		'# configuration file /etc/nginx/nginx.conf:',
		'user www-data;',
		'http {',
		'\tinclude /etc/nginx/sites-enabled/*;',
		'}',
		'',
		'# configuration file /etc/nginx/sites-enabled/default:',
		'server {',
		'\tlisten 80 default_server;',
		'\tlocation / {',
		'\t\tdeny all;',
		'\t}',
		'}',
		'',
		'',
	].join('\n');

	test('splits into files with their original text', () => {
		const files = splitNginxDump(dump);
		expect([...files.keys()]).toEqual(['/etc/nginx/nginx.conf', '/etc/nginx/sites-enabled/default']);
		expect(files.get('/etc/nginx/nginx.conf')).toBe('user www-data;\nhttp {\n\tinclude /etc/nginx/sites-enabled/*;\n}\n');
	});

	test('parses with includes resolved inside the dump and lines as on disk', () => {
		const config = parseNginxDump(dump);
		expect(flat(config.directives)).toEqual(['user@nginx.conf:1', 'http@nginx.conf:2', 'server@default:1', 'listen@default:2', 'location@default:3', 'deny@default:4']);
		expect(config.prefix).toBe('/usr/share/nginx');
	});

	test('text that is not a dump is a typed error', () => {
		expect(() => parseNginxDump('server { listen 80; }')).toThrow(expect.objectContaining({code: 'ERR_NGINX_READ'}));
	});
});

describe('reading from disk, compared with nginx -T', () => {
	let folder: string | undefined;
	afterEach(async () => {
		if (folder) {
			await rm(folder, {recursive: true, force: true});
		}
	});

	test.skipIf(!existsSync(nginxBinary))('loadNginxConfig reads the same files, in the same order, as nginx -T', async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'fix403-nginx-inc-'));
		const conf = path.join(folder, 'conf');
		await mkdir(path.join(conf, 'conf.d'), {recursive: true});
		await mkdir(path.join(conf, 'sites'), {recursive: true});
		await writeFile(path.join(conf, 'nginx.conf'), 'events {}\nhttp {\n\tinclude conf.d/*.conf;\n\tinclude sites/*;\n}\n');
		await writeFile(path.join(conf, 'conf.d', 'b.conf'), 'server_tokens off;\n');
		await writeFile(path.join(conf, 'conf.d', 'a.conf'), 'gzip on;\n');
		await writeFile(path.join(conf, 'conf.d', '.hidden.conf'), 'gzip off;\n');
		await writeFile(path.join(conf, 'conf.d', 'c.conf.bak'), 'gzip off;\n');
		await writeFile(path.join(conf, 'sites', 'one'), 'server {\n\tlisten 127.0.0.1:1;\n}\n');

		const config = await loadNginxConfig(path.join(conf, 'nginx.conf'), nodeNginxIo(), {prefix: `${folder}/`});
		const output = await new Promise<string>((resolve, reject) => {
			execFile(nginxBinary, ['-T', '-p', `${folder}/`, '-e', path.join(folder!, 'error.log'), '-c', path.join(conf, 'nginx.conf')], {encoding: 'utf8'}, (error, stdout, stderr) => {
				if (error) {
					reject(new Error(stderr));
				} else {
					resolve(stdout);
				}
			});
		});
		expect(config.files).toEqual([...splitNginxDump(output).keys()]);
		expect(flat(parseNginxDump(output).directives)).toEqual(flat(config.directives));
	});
});

describe('what --nginx-conf may point at', () => {
	let folder: string | undefined;
	afterEach(async () => {
		if (folder) {
			await rm(folder, {recursive: true, force: true});
		}
	});

	test('a folder with nginx.conf, a folder of site files, and a saved nginx -T output', async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'fix403-nginx-src-'));
		const sites = path.join(folder, 'sites-enabled');
		await mkdir(sites);
		await writeFile(path.join(sites, 'default'), 'server {\n\tlisten 80;\n\tdeny all;\n}\n');
		await writeFile(path.join(folder, 'nginx.conf'), 'user www-data;\nhttp {\n\tinclude sites-enabled/*;\n}\n');
		const io = nodeNginxIo();

		const fromFolder = await loadNginxConfig(folder, io);
		expect(fromFolder.file).toBe(path.join(folder, 'nginx.conf'));
		expect(flat(fromFolder.directives)).toEqual(['user@nginx.conf:1', 'http@nginx.conf:2', 'server@default:1', 'listen@default:2', 'deny@default:3']);

		const fromSites = await loadNginxConfig(sites, io);
		expect(flat(fromSites.directives).slice(1)).toEqual(['server@default:1', 'listen@default:2', 'deny@default:3']);

		const dumpFile = path.join(folder, 'dump.txt');
		await writeFile(dumpFile, `nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n# configuration file /etc/nginx/nginx.conf:\nhttp {\n\tserver {\n\t\tlisten 80;\n\t}\n}\n\n`);
		const fromDump = await loadNginxConfig(dumpFile, io);
		expect(fromDump.file).toBe('/etc/nginx/nginx.conf');
		expect(flat(fromDump.directives)).toEqual(['http@nginx.conf:1', 'server@nginx.conf:2', 'listen@nginx.conf:3']);
	});

	test('a file that includes itself does not loop', async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'fix403-nginx-src-'));
		await writeFile(path.join(folder, 'nginx.conf'), 'include nginx.conf;\n');
		await expect(loadNginxConfig(path.join(folder, 'nginx.conf'), nodeNginxIo())).rejects.toMatchObject({code: 'ERR_NGINX_LIMIT'});
	});
});
