import http from 'node:http';
import type {AddressInfo} from 'node:net';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export type Loopback = {
	/** `http://127.0.0.1:<port>` */
	readonly origin: string;
	readonly port: number;
	/** Every request the server saw, in order (method, url, headers). */
	readonly seen: Array<{method: string; url: string; headers: http.IncomingHttpHeaders}>;
	close(): Promise<void>;
};

/** A real HTTP server on 127.0.0.1 and a free port; records what it receives. */
export async function startLoopback(handler: Handler): Promise<Loopback> {
	const seen: Loopback['seen'] = [];
	const server = http.createServer((request, response) => {
		seen.push({method: request.method ?? '', url: request.url ?? '', headers: request.headers});
		handler(request, response);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		port,
		seen,
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}

/** Shorthand for a handler that answers with a fixed status, headers and body. */
export function reply(status: number, headers: Record<string, string | string[]> = {}, body = ''): Handler {
	return (_request, response) => {
		response.writeHead(status, headers);
		response.end(body);
	};
}
