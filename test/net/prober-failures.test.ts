import net from 'node:net';
import {afterEach, expect, test} from 'vitest';
import {startRaw, startWatched, type Watched} from '../helpers/hostile-servers.js';
import {createProber, type ProberOptions} from '../../src/net/prober.js';
import type {ProbeRecord} from '../../src/net/probe-types.js';

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const options: ProberOptions = {timeoutMs: 5000, insecure: false, userAgent: 'fix403/test'};
const get = async (url: string, extra: Partial<ProberOptions> = {}, signal?: AbortSignal): Promise<ProbeRecord> =>
	createProber({...options, ...extra}).send({id: 'p', label: 'p', method: 'GET', url, headers: []}, signal);

/** A raw server that reads the request, then does `act` with the socket. */
const raw = async (act: (socket: net.Socket) => void): Promise<Watched> => {
	const server = await startRaw(socket => {
		socket.once('data', () => {
			act(socket);
		});
	});
	servers.push(server);
	return server;
};

test('a name that does not resolve fails with dns', async () => {
	// .invalid never resolves (RFC 6761 §6.4); the lookup fails in the resolver, no packet reaches a web server.
	const record = await get('http://fix403-probe-test.invalid/');

	expect(record.failure?.code).toBe('dns');
	expect(record.failure?.message).toContain('fix403-probe-test.invalid');
	expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(record.failure?.errorCode);
});

test('a closed port fails with refused', async () => {
	const server = await startRaw(() => undefined);
	await server.close();

	const record = await get(server.origin);

	expect(record.failure).toMatchObject({code: 'refused', errorCode: 'ECONNREFUSED'});
	expect(record.failure?.message).toContain(`127.0.0.1:${server.port}`);
});

test('a TCP reset before any answer fails with reset', async () => {
	await raw(socket => socket.resetAndDestroy());
	const server = servers[0]!;

	const record = await get(server.origin);

	expect(record.failure).toMatchObject({code: 'reset', errorCode: 'ECONNRESET'});
	expect(record.failure?.message).toContain('without answering');
	expect(record.status).toBeUndefined();
});

test('a connection closed without a word fails with reset', async () => {
	const server = await raw(socket => socket.end());

	const record = await get(server.origin);

	expect(record.failure?.code).toBe('reset');
});

test('a reset in the middle of the body keeps the head and what arrived', async () => {
	const server = await raw(socket => {
		socket.write('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n');
		socket.write('a'.repeat(1000), () => {
			setTimeout(() => socket.resetAndDestroy(), 50);
		});
	});

	const record = await get(server.origin);

	expect(record.status).toBe(403);
	expect(record.failure?.code).toBe('reset');
	expect(record.failure?.message).toContain('middle of the body');
	expect(record.body).toBe('a'.repeat(1000));
});

test('a server that accepts and never answers fails with timeout', async () => {
	const server = await raw(() => undefined);

	const record = await get(server.origin, {timeoutMs: 500});

	expect(record.failure).toMatchObject({code: 'timeout', errorCode: 'ETIMEDOUT'});
	expect(record.failure?.message).toContain('no answer within 500 ms');
});

test('a body that drips in slower than the total timeout fails with timeout, keeping the drops', async () => {
	const server = await raw(socket => {
		socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n');
		const timer = setInterval(() => {
			if (socket.destroyed) {
				clearInterval(timer);
				return;
			}

			socket.write('.');
		}, 20);
		socket.on('close', () => {
			clearInterval(timer);
		});
	});

	const record = await get(server.origin, {timeoutMs: 600});

	expect(record.status).toBe(200);
	expect(record.failure?.code).toBe('timeout');
	expect(record.failure?.message).toContain('still arriving');
	expect(record.body).toMatch(/^\.+$/);
});

test('an answer that is not HTTP fails with invalid-http', async () => {
	// What an SSH server says first (RFC 4253 §4.2) when a web request reaches port 22.
	const server = await raw(socket => socket.end('SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5\r\n'));

	const record = await get(server.origin);

	expect(record.failure?.code).toBe('invalid-http');
	expect(record.failure?.errorCode).toMatch(/^HPE_/);
});

test('5000 response headers fail with invalid-http and a message about the header limit', async () => {
	const server = await raw(socket => {
		const headers = Array.from({length: 5000}, (_, index) => `X-Filler-${index}: ${index}\r\n`).join('');
		socket.end(`HTTP/1.1 403 Forbidden\r\n${headers}Content-Length: 0\r\n\r\n`);
	});

	const record = await get(server.origin);

	expect(record.failure).toMatchObject({code: 'invalid-http', errorCode: 'HPE_HEADER_OVERFLOW'});
	expect(record.failure?.message).toMatch(/more response headers than Node\.js accepts \(\d+ KiB/);
});

test('the AbortSignal ends a request in flight with aborted', async () => {
	const server = await raw(() => undefined);
	const controller = new AbortController();
	setTimeout(() => {
		controller.abort();
	}, 100);

	const record = await get(server.origin, {timeoutMs: 10_000}, controller.signal);

	expect(record.failure?.code).toBe('aborted');
	expect(server.count()).toBe(1);
});

test('a header value the HTTP grammar forbids is refused before sending, not thrown', async () => {
	const server = await startWatched((_request, response) => {
		response.end();
	});
	servers.push(server);

	const record = await createProber(options).send({id: 'p', label: 'p', method: 'GET', url: server.origin, headers: [['X-Bad', 'line\r\nInjected: yes']]});

	expect(record.failure?.code).toBe('other');
	expect(server.count()).toBe(0);
});
