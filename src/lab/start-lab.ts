import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {labHome} from './lab-home.js';
import {labRoutes} from './lab-routes.js';
import {isLabHost, isLoopbackAddress} from './loopback-guard.js';
import {nginxPage} from './pages/nginx.js';
import type {LabPath, LabReply, LabRequest, LabRoute} from './types.js';

/** A running lab. */
export type Lab = {
	/** `http://127.0.0.1:<port>` */
	readonly origin: string;
	readonly port: number;
	/** The broken paths, outermost cause layer first. */
	readonly paths: readonly LabPath[];
	/** Requests answered since the start (refused ones included). */
	readonly requests: number;
	/** Requests answered by the route of this path (its whole prefix, helper pages included). */
	requestsTo(path: LabPath): number;
	/** Stops listening and drops open connections. */
	close(): Promise<void>;
};

export type LabOptions = {
	/** Default 0: a free port. */
	readonly port?: number;
};

/** Request bodies beyond this are refused: lab forms are small, and the lab holds nothing it must accept. */
const maxBody = 64 * 1024;

/** Starts the lab on 127.0.0.1 — loopback only, whatever the options — and resolves once it listens. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
	let routes: LabRoute[] = [];
	let paths: LabPath[] = [];
	let port = 0;
	let total = 0;
	const hits = new Map<LabRoute, number>();
	const server = http.createServer((request, response) => {
		total++;
		if (!isLoopbackAddress(request.socket.remoteAddress)) {
			request.socket.destroy();
			return;
		}

		answer(request, port, routes, paths, hits).then(
			reply => {
				send(response, request.method ?? 'GET', reply);
			},
			() => {
				// The client went away mid-body; there is no one to answer.
				response.destroy();
			},
		);
	});
	server.requestTimeout = 15_000;
	server.headersTimeout = 10_000;
	server.keepAliveTimeout = 2000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	port = (server.address() as AddressInfo).port;
	const origin = `http://127.0.0.1:${port}`;
	const setting = {origin, startedAt: Date.now()};
	routes = labRoutes(setting);
	paths = routes.flatMap(route => (route.path ? [{...route.path, url: `${origin}${route.path.path}`}] : []));
	return {
		origin,
		port,
		paths,
		get requests() {
			return total;
		},
		requestsTo(path) {
			const route = routes.find(candidate => candidate.path?.path === path.path);
			return route ? (hits.get(route) ?? 0) : 0;
		},
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

async function answer(request: http.IncomingMessage, port: number, routes: readonly LabRoute[], paths: readonly LabPath[], hits: Map<LabRoute, number>): Promise<LabReply> {
	const now = Date.now();
	const host = request.headers.host;
	if (!isLabHost(host, port)) {
		return plain(421, 'Misdirected Request: this lab answers only to 127.0.0.1 and localhost.\n', now);
	}

	let url: URL;
	try {
		url = new URL(request.url ?? '/', `http://${host}`);
	} catch {
		return plain(400, 'Bad Request\n', now);
	}

	const body = await readBody(request);
	if (body === undefined) {
		return plain(413, 'Payload Too Large\n', now);
	}

	if (url.pathname === '/') {
		return labHome(paths, now);
	}

	const route = routes.find(candidate => candidate.matches(url.pathname));
	if (!route) {
		return nginxPage(404, now);
	}

	hits.set(route, (hits.get(route) ?? 0) + 1);
	const labRequest: LabRequest = {method: (request.method ?? 'GET').toUpperCase(), url, headers: request.headers, body, now};
	try {
		return route.handle(labRequest);
	} catch {
		return plain(500, 'Internal Server Error\n', now);
	}
}

async function readBody(request: http.IncomingMessage): Promise<string | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > maxBody) {
			return undefined;
		}

		chunks.push(chunk as Buffer);
	}

	return Buffer.concat(chunks).toString('utf8');
}

function plain(status: number, text: string, now: number): LabReply {
	return {status, headers: {Date: new Date(now).toUTCString(), 'Content-Type': 'text/plain; charset=utf-8'}, body: text};
}

function send(response: http.ServerResponse, method: string, reply: LabReply): void {
	const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
	response.writeHead(reply.status, {...reply.headers, 'Content-Length': String(body.length)} as http.OutgoingHttpHeaders);
	response.end(method === 'HEAD' ? undefined : body);
}
