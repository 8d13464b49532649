import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** A server the tests start on 127.0.0.1 and watch from the server side. */
export type Watched = {
	/** `http://127.0.0.1:<port>` (or https:, or the raw port for net servers). */
	readonly origin: string;
	readonly port: number;
	/** Requests (or raw connections) received. */
	readonly count: () => number;
	/** Most requests (or connections) open at the same time. */
	readonly maxInFlight: () => number;
	/** Every request's method, URL, headers and body, in order (HTTP servers only). */
	readonly seen: Array<{method: string; url: string; headers: http.IncomingHttpHeaders; body: string}>;
	close(): Promise<void>;
};

type Server = http.Server | https.Server | net.Server;

async function listen(server: Server, scheme: string, count: () => number, maxInFlight: () => number, seen: Watched['seen']): Promise<Watched> {
	const sockets = new Set<net.Socket>();
	server.on('connection', (socket: net.Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	return {
		origin: `${scheme}://127.0.0.1:${port}`,
		port,
		count,
		maxInFlight,
		seen,
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

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void;

/** An HTTP (or, with TLS options, HTTPS) server that counts requests and how many were open at once. */
export async function startWatched(handler: Handler, tlsOptions?: https.ServerOptions): Promise<Watched> {
	let count = 0;
	let inFlight = 0;
	let maxInFlight = 0;
	const seen: Watched['seen'] = [];
	const onRequest = (request: http.IncomingMessage, response: http.ServerResponse): void => {
		count++;
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		response.on('close', () => {
			inFlight--;
		});
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			seen.push({method: request.method ?? '', url: request.url ?? '', headers: request.headers, body});
			handler(request, response, body);
		});
	};

	const server = tlsOptions ? https.createServer(tlsOptions, onRequest) : http.createServer(onRequest);
	return listen(server, tlsOptions ? 'https' : 'http', () => count, () => maxInFlight, seen);
}

/** A raw TCP server for answers that are not HTTP, or not complete: the test writes to the socket itself. */
export async function startRaw(onSocket: (socket: net.Socket) => void): Promise<Watched> {
	let count = 0;
	let inFlight = 0;
	let maxInFlight = 0;
	const server = net.createServer(socket => {
		count++;
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		socket.on('close', () => {
			inFlight--;
		});
		socket.on('error', () => undefined);
		onSocket(socket);
	});
	return listen(server, 'http', () => count, () => maxInFlight, []);
}

/** What a streaming handler saw: bytes it managed to write, and whether the client hung up before the end. */
export type StreamWatch = {written: number; closedEarly: boolean; finished: boolean};

/**
A handler that streams `total` bytes from `chunk` (repeated), honouring backpressure the way a real server
does, and records in `watch` when the client hangs up.
*/
export function streamHandler(chunk: Buffer, total: number, headers: http.OutgoingHttpHeaders, watch: StreamWatch, status = 200): Handler {
	return (_request, response) => {
		response.writeHead(status, headers);
		response.on('close', () => {
			watch.closedEarly = !response.writableFinished;
		});
		const pump = (): void => {
			while (watch.written < total && !response.destroyed) {
				watch.written += chunk.length;
				if (!response.write(chunk)) {
					response.once('drain', pump);
					return;
				}
			}

			if (!response.destroyed) {
				watch.finished = true;
				response.end();
			}
		};

		pump();
	};
}

/**
A gzip bomb piece: one gzip member holding `size` zero bytes (1 MiB of zeros compresses to about 1 KiB).
Members can be concatenated (RFC 1952 §2.2), so repeating it N times inflates to N × size.
*/
export function gzipMemberOfZeros(size: number): Buffer {
	return zlib.gzipSync(Buffer.alloc(size), {level: 9});
}

/** PEM files made with openssl for one test run. */
export type TestCerts = {
	readonly dir: string;
	/** The private CA the prober is told to trust (via its `ca` option). */
	readonly ca: string;
	readonly key: string;
	/** Signed by the CA, for 127.0.0.1 and localhost, valid now. */
	readonly good: string;
	/** Signed by the CA, for 127.0.0.1, expired yesterday. */
	readonly expired: string;
	/** Signed by the CA, for another name only. */
	readonly wrongHost: string;
	/** Self-signed, for 127.0.0.1. */
	readonly selfSigned: string;
	readonly selfSignedKey: string;
	remove(): void;
};

/** Generates a private CA and leaf certificates with the real `openssl` binary into a temp dir. */
export function makeTestCerts(): TestCerts {
	const dir = mkdtempSync(path.join(tmpdir(), 'fix403-certs-'));
	const file = (name: string): string => path.join(dir, name);
	const openssl = (...args: string[]): void => {
		execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'});
	};

	const san = 'subjectAltName=DNS:localhost,IP:127.0.0.1';
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=fix403 test CA');
	openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=localhost');
	const sign = (out: string, days: string, extension: string): void => {
		writeFileSync(file(`${out}.ext`), `${extension}\n`);
		openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', out, '-days', days, '-extfile', `${out}.ext`);
	};

	sign('good.pem', '2', san);
	// -days -1 puts notAfter a day before notBefore (now): expired since yesterday.
	sign('expired.pem', '-1', san);
	sign('wrong.pem', '2', 'subjectAltName=DNS:wrong.example');
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=localhost', '-addext', san);
	const read = (name: string): string => readFileSync(file(name), 'utf8');
	return {
		dir,
		ca: read('ca.pem'),
		key: read('leaf.key'),
		good: read('good.pem'),
		expired: read('expired.pem'),
		wrongHost: read('wrong.pem'),
		selfSigned: read('self.pem'),
		selfSignedKey: read('self.key'),
		remove() {
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

/** Waits until `condition` holds (the server side learns of a hang-up a moment after the client), or fails. */
export async function waitUntil(condition: () => boolean, what: string, limitMs = 5000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > limitMs) {
			throw new Error(`Still waiting after ${limitMs} ms for: ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}
}
