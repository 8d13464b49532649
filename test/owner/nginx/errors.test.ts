import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {afterEach, describe, expect, test} from 'vitest';
import {analyzeNginx, NginxConfigError, nodeNginxIo, parseNginxDump, parseNginxText} from '../../../src/owner/nginx/index.js';

describe('malformed input never escapes as a raw error', () => {
	// Text built from the characters that matter to nginx's tokenizer, plus anything else.
	const configish = fc.array(fc.oneof(fc.constantFrom('{', '}', ';', '"', '\'', '\\', '#', '$', '(', ')', ' ', '\n', '\t', 'location', 'if', 'include', '~*', 'x'), fc.string()), {maxLength: 40}).map(parts => parts.join(''));

	test('parseNginxText: a tree or an NginxConfigError with file and line', () => {
		fc.assert(fc.property(configish, text => {
			try {
				parseNginxText(text, 'fuzz.conf');
			} catch (error) {
				expect(error).toBeInstanceOf(NginxConfigError);
				expect((error as NginxConfigError).file).toBe('fuzz.conf');
				expect((error as NginxConfigError).line).toBeGreaterThanOrEqual(1);
			}
		}), {numRuns: 2000});
	});

	test('parseNginxDump: a config or an NginxConfigError', () => {
		fc.assert(fc.property(configish, configish, (first, second) => {
			const dump = `# configuration file /etc/nginx/nginx.conf:\n${first}\n\n# configuration file /etc/nginx/b.conf:\n${second}\n\n`;
			try {
				parseNginxDump(dump);
			} catch (error) {
				expect(error).toBeInstanceOf(NginxConfigError);
			}
		}), {numRuns: 500});
	});
});

describe('analyzeNginx errors are typed', () => {
	let folder: string | undefined;
	afterEach(async () => {
		if (folder) {
			await rm(folder, {recursive: true, force: true});
		}
	});

	const request = {url: 'http://example.test/', clientAddress: '127.0.0.1'};

	test('missing config file', async () => {
		await expect(analyzeNginx('/nonexistent/nginx.conf', request, nodeNginxIo())).rejects.toMatchObject({name: 'NginxConfigError', code: 'ERR_NGINX_READ', file: '/nonexistent/nginx.conf'});
	});

	test('syntax error in an included file names that file and line', async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'fix403-nginx-err-'));
		await writeFile(path.join(folder, 'nginx.conf'), 'http {\n\tinclude site.conf;\n}\n');
		await writeFile(path.join(folder, 'site.conf'), 'server {\n\tlisten 80;\n\tlocation / {\n\t\tdeny all\n\t}\n}\n');
		await expect(analyzeNginx(path.join(folder, 'nginx.conf'), request, nodeNginxIo())).rejects.toMatchObject({
			code: 'ERR_NGINX_SYNTAX',
			file: path.join(folder, 'site.conf'),
			line: 5,
			message: `unexpected "}" in ${path.join(folder, 'site.conf')}:5`,
		});
	});

	test('a config without servers, and a URL that is not absolute', async () => {
		folder = await mkdtemp(path.join(tmpdir(), 'fix403-nginx-err-'));
		await writeFile(path.join(folder, 'nginx.conf'), 'events {}\n');
		await expect(analyzeNginx(path.join(folder, 'nginx.conf'), request, nodeNginxIo())).rejects.toMatchObject({code: 'ERR_NGINX_NO_SERVER'});
		await writeFile(path.join(folder, 'nginx.conf'), 'http { server { listen 80; } }\n');
		await expect(analyzeNginx(path.join(folder, 'nginx.conf'), {...request, url: '/relative'}, nodeNginxIo())).rejects.toMatchObject({code: 'ERR_NGINX_BAD_REQUEST'});
	});
});
