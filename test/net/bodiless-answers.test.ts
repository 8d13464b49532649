import net from 'node:net';
import {afterEach, expect, test} from 'vitest';
import {createProber} from '../../src/net/prober.js';

let server: net.Server | undefined;
afterEach(() => {
	server?.close();
	server = undefined;
});

/** A raw server that writes `answer` to the first request and closes. */
async function rawServer(answer: string): Promise<number> {
	server = net.createServer(socket => {
		socket.once('data', () => {
			socket.end(answer);
		});
	});
	await new Promise<void>(resolve => {
		server!.listen(0, '127.0.0.1', resolve);
	});
	return (server.address() as net.AddressInfo).port;
}

test('a HEAD answered with a body anyway (and Connection: close) settles with its status', async () => {
	const port = await rawServer(`HTTP/1.1 403 Forbidden\r\nContent-Length: 50\r\nConnection: close\r\n\r\n${'x'.repeat(50)}`);
	const prober = createProber({timeoutMs: 2000, insecure: false, userAgent: 'fix403-test'});
	const record = await prober.send({id: 'head', label: 'HEAD', method: 'HEAD', url: `http://127.0.0.1:${port}/`, headers: []});
	expect(record.status).toBe(403);
	expect(record.body).toBe('');
});

test('a 204 with a body anyway settles too', async () => {
	const port = await rawServer(`HTTP/1.1 204 No Content\r\nContent-Length: 20\r\nConnection: close\r\n\r\n${'y'.repeat(20)}`);
	const prober = createProber({timeoutMs: 2000, insecure: false, userAgent: 'fix403-test'});
	const record = await prober.send({id: 'get', label: 'GET', method: 'GET', url: `http://127.0.0.1:${port}/`, headers: []});
	expect(record.status).toBe(204);
});
