import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {NginxConfigError, parseNginxText, tokenizeNginx} from '../../../src/owner/nginx/index.js';
import {nginxBinary} from '../../helpers/nginx-instance.js';

/** Tokens as compact strings: words as-is (quoted ones in «»), punctuation as itself. */
function words(text: string): string[] {
	return tokenizeNginx(text, 'test.conf').map(token => (token.kind === 'word' ? (token.quoted ? `«${token.value}»` : token.value) : token.kind));
}

// Rules from nginx's ngx_conf_read_token (src/core/ngx_conf_file.c); samples in the shape real configs use
// (Debian's default site, the docs' examples for location, valid_referers, if and map).
const cases: Array<[string, string, string[]]> = [
	['simple directive', 'worker_processes auto;', ['worker_processes', 'auto', ';']],
	['block', 'events {\n\tworker_connections 768;\n}', ['events', '{', 'worker_connections', '768', ';', '}']],
	['comment at token start', 'listen 80; # default_server\n', ['listen', '80', ';']],
	['# inside a word is not a comment', 'set $a foo#bar;', ['set', '$a', 'foo#bar', ';']],
	['double quotes keep spaces and ;', 'return 200 "a b; c";', ['return', '200', '«a b; c»', ';']],
	['single quotes', 'add_header X-A \'x "y"\';', ['add_header', 'X-A', '«x "y"»', ';']],
	['escaped quote inside quotes', 'set $a "x\\"y";', ['set', '$a', '«x"y»', ';']],
	['\\t \\n \\r are decoded', 'return 200 "a\\tb\\n";', ['return', '200', '«a\tb\n»', ';']],
	['other backslashes stay (regex)', 'location ~* \\.(gif|jpg|jpeg)$ {}', ['location', '~*', '\\.(gif|jpg|jpeg)$', '{', '}']],
	['escaped space joins a word', 'set $a b\\ c;', ['set', '$a', 'b\\ c', ';']],
	['${var} does not open a block', 'set ${a}b foo;', ['set', '${a}b', 'foo', ';']],
	['{ right after a word opens the block', 'location /x{}', ['location', '/x', '{', '}']],
	['; right after a word ends it', 'deny all;allow 1.2.3.4;', ['deny', 'all', ';', 'allow', '1.2.3.4', ';']],
	['if with empty quoted string then )', 'if ($secure_link = "") { return 403; }', ['if', '($secure_link', '=', '«»', ')', '{', 'return', '403', ';', '}']],
	['if with regex group', 'if ($http_user_agent ~* (bot|crawl)) {}', ['if', '($http_user_agent', '~*', '(bot|crawl))', '{', '}']],
	['quoted regex with braces', 'server_name "~^(?<n>\\w\\d{1,3}+)\\.example\\.net$";', ['server_name', '«~^(?<n>\\w\\d{1,3}+)\\.example\\.net$»', ';']],
	['CRLF line ends', 'user www-data;\r\npid /run/nginx.pid;\r\n', ['user', 'www-data', ';', 'pid', '/run/nginx.pid', ';']],
	['} inside a word is part of it', 'return 200 a}b;', ['return', '200', 'a}b', ';']],
];

describe('tokenizeNginx', () => {
	test.each(cases)('%s', (_name, text, expected) => {
		expect(words(text)).toEqual(expected);
	});

	test('every token keeps the line of its first character', () => {
		const tokens = tokenizeNginx('http {\n  # comment\n  server {\n    listen\n      80;\n  }\n}\n', 'x.conf');
		const lines = tokens.map(token => `${token.kind === 'word' ? token.value : token.kind}@${token.line}`);
		expect(lines).toEqual(['http@1', '{@1', 'server@3', '{@3', 'listen@4', '80@5', ';@5', '}@6', '}@7']);
	});

	test('a quoted word spanning lines starts on its first line', () => {
		const [, , value] = tokenizeNginx('return 200 "a\nb";', 'x.conf');
		expect(value).toMatchObject({kind: 'word', value: 'a\nb', line: 1});
	});
});

// Malformed input: a typed error with the same reason and line that `nginx -t` reports.
const malformed: Array<[string, string, string, number]> = [
	['stray }', 'events {}\n}\n', 'unexpected "}"', 2],
	['} inside a statement', 'events {}\nhttp { default_type text/plain }\n', 'unexpected "}"', 2],
	['; without a directive', 'events {}\n;\n', 'unexpected ";"', 2],
	['text glued to a closing quote', 'events {}\nhttp {\n default_type "text/plain"x;\n}\n', 'unexpected "x"', 3],
	['unterminated quote', 'events {}\nhttp { default_type "text/plain; }\n', 'unexpected end of file, expecting ";" or "}"', 3],
	['missing ;', 'events {}\nhttp {\n default_type text/plain\n', 'unexpected end of file, expecting ";" or "}"', 4],
	['unclosed block', 'events {}\nhttp {\n server {\n }\n', 'unexpected end of file, expecting "}"', 5],
];

describe('malformed configs', () => {
	test.each(malformed)('%s → NginxConfigError with file:line', (_name, text, reason, line) => {
		let caught: unknown;
		try {
			parseNginxText(text, '/etc/nginx/bad.conf');
		} catch (error) {
			caught = error;
		}

		expect(caught).toBeInstanceOf(NginxConfigError);
		expect(caught).toMatchObject({code: 'ERR_NGINX_SYNTAX', reason, file: '/etc/nginx/bad.conf', line});
		expect((caught as Error).message).toBe(`${reason} in /etc/nginx/bad.conf:${line}`);
	});

	test.skipIf(!existsSync(nginxBinary)).each(malformed)('real nginx -t agrees: %s', async (_name, text, reason, line) => {
		const folder = await mkdtemp(path.join(tmpdir(), 'fix403-nginx-t-'));
		const file = path.join(folder, 'nginx.conf');
		try {
			await writeFile(file, text);
			const output = await new Promise<string>(resolve => {
				execFile(nginxBinary, ['-t', '-p', `${folder}/`, '-e', path.join(folder, 'error.log'), '-c', file], {encoding: 'utf8'}, (_error, stdout, stderr) => {
					resolve(stdout + stderr);
				});
			});
			expect(output).toContain(`[emerg] ${reason} in ${file}:${line}`);
		} finally {
			await rm(folder, {recursive: true, force: true});
		}
	});
});
