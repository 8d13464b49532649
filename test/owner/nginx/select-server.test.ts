import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {parseNginxText, selectServer, type NginxConfig} from '../../../src/owner/nginx/index.js';
import {canRunNginx, startNginx, type NginxInstance} from '../../helpers/nginx-instance.js';

/*
Server choice per nginx docs "Server names" (nginx/nginx.org xml/en/docs/http/server_names.xml): exact name,
then the longest wildcard starting with "*" (".example.com" counts), then the longest ending with "*",
then the first matching regex; none → the default_server of the listen socket, else the first server.
*/
function servers(listen: string): string {
	return `
	server { listen ${listen}; server_name first.test; return 200 FIRST; }
	server { listen ${listen}; server_name example.org www.example.org; return 200 EXACT; }
	server { listen ${listen}; server_name *.example.org; return 200 STAR; }
	server { listen ${listen}; server_name *.sub.example.org; return 200 STAR2; }
	server { listen ${listen}; server_name mail.*; return 200 MAILSTAR; }
	server { listen ${listen}; server_name ~^(?<user>.+)\\.example\\.net$; return 200 REGEX; }
	server { listen ${listen}; server_name .example.com; return 200 DOT; }
	server { listen ${listen} default_server; server_name _; return 200 DEFAULT; }
`;
}

const cases: Array<[string, string]> = [
	['example.org', 'EXACT'],
	['WWW.Example.org', 'EXACT'],
	['a.example.org', 'STAR'],
	['x.sub.example.org', 'STAR2'],
	['mail.example.org', 'STAR'],
	['mail.foo', 'MAILSTAR'],
	['bob.example.net', 'REGEX'],
	['example.com', 'DOT'],
	['a.b.example.com', 'DOT'],
	['unknown.test', 'DEFAULT'],
];

function config(http: string): NginxConfig {
	return {file: 'nginx.conf', prefix: '/usr/share/nginx', confDir: '/etc/nginx', directives: parseNginxText(`http {${http}}`, 'nginx.conf'), files: ['nginx.conf']};
}

function label(http: string, host: string, socket: {address?: string; port: number}): string {
	const {server} = selectServer(config(http), host, socket);
	return server.block?.find(item => item.name === 'return')?.args[1] ?? '?';
}

describe('selectServer', () => {
	test.each(cases)('%s → %s', (host, expected) => {
		expect(label(servers('8080'), host, {port: 8080})).toBe(expected);
	});

	test('without default_server the first server of the socket is the default', () => {
		const http = 'server { listen 80; server_name a.test; return 200 A; } server { listen 80; server_name b.test; return 200 B; }';
		expect(label(http, 'other.test', {port: 80})).toBe('A');
		expect(label(http, 'b.test', {port: 80})).toBe('B');
	});

	test('a listen on the exact address beats a wildcard one; other ports do not count', () => {
		const http = `
			server { listen 80 default_server; server_name site.test; return 200 WILD; }
			server { listen 127.0.0.1:80; server_name local.test; return 200 LOCAL; }
			server { listen 8080; server_name site.test; return 200 OTHERPORT; }`;
		expect(label(http, 'site.test', {address: '127.0.0.1', port: 80})).toBe('LOCAL');
		expect(label(http, 'site.test', {address: '10.0.0.5', port: 80})).toBe('WILD');
		expect(label(http, 'site.test', {port: 8080})).toBe('OTHERPORT');
	});

	test('a server without listen listens on *:80', () => {
		expect(label('server { server_name x.test; return 200 X; }', 'x.test', {port: 80})).toBe('X');
	});

	test('no server on the port: choose by name among all and say so', () => {
		const choice = selectServer(config('server { listen 8080; server_name site.test; return 200 S; }'), 'site.test', {port: 443});
		expect(choice.listenMismatch).toBe(true);
		expect(choice.matchedBy).toBe('exact');
	});

	test('a config without http/server is a typed error', () => {
		expect(() => selectServer(config(''), 'x', {port: 80})).toThrow(expect.objectContaining({code: 'ERR_NGINX_NO_SERVER'}));
	});
});

describe.skipIf(!canRunNginx)('the same table on a real nginx', () => {
	let site: NginxInstance;
	beforeAll(async () => {
		site = await startNginx({http: ({port}) => servers(`127.0.0.1:${port}`)});
	});
	afterAll(async () => site?.stop());

	test.each(cases)('%s', async (host, expected) => {
		const response = await site.request('/', {headers: {Host: host}});
		expect(response.body).toBe(expected);
		expect(label(servers(`127.0.0.1:${site.port}`), host, {address: '127.0.0.1', port: site.port})).toBe(response.body);
	});
});
