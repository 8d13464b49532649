import net from 'node:net';
import type http from 'node:http';
import {startLoopback, type Loopback} from '../helpers/loopback.js';

/** Answers 403 to anything that does not look like a browser, 200 to a browser's User-Agent (a bot block). */
export function botBlock(request: http.IncomingMessage, response: http.ServerResponse): void {
	const browser = /Chrome\//.test(request.headers['user-agent'] ?? '');
	response.writeHead(browser ? 200 : 403, {'content-type': 'text/plain'});
	response.end(browser ? 'welcome' : 'no bots');
}

/** A server whose answers wait until the test releases them, so running checks can be seen (and aborted). */
export async function startHeld(handler: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
	let held: Array<() => void> = [];
	let aborted = 0;
	const server: Loopback & {release: () => void; waiting: () => number; aborted: () => number} = Object.assign(
		await startLoopback((request, response) => {
			response.on('close', () => {
				if (!response.writableEnded) {
					aborted++;
				}
			});
			held.push(() => {
				handler(request, response);
			});
		}),
		{
			release() {
				const waiting = held;
				held = [];
				for (const answer of waiting) {
					answer();
				}
			},
			waiting: () => held.length,
			aborted: () => aborted,
		},
	);
	return server;
}

/**
A raw TCP server that answers 403 with terminal escape sequences in the status line and the body: an OSC that
would retitle the window and a CSI that would clear the screen. Node's own HTTP server refuses to send
them, which is why this one writes the bytes itself; Node's client parser accepts them in the reason phrase.
*/
export async function startHostile(): Promise<{origin: string; close: () => Promise<void>}> {
	const body = '<html><head><title>\u001B]0;pwned\u0007Denied\u001B[2J</title></head><body>Access denied \u001B[2J\u001B]0;pwned\u0007</body></html>';
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		socket.once('data', (request: Buffer) => {
			const head = request.toString('latin1').startsWith('HEAD ');
			socket.end(
				`HTTP/1.1 403 \u001B]0;pwned\u0007Forbidden\u001B[2J\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
			);
		});
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}
