import {afterEach, expect, test} from 'vitest';
import {startWatched, streamHandler, waitUntil, type StreamWatch, type Watched} from '../helpers/hostile-servers.js';
import {createProber, type ProberOptions} from '../../src/net/prober.js';
import type {ProbeRequest} from '../../src/net/probe-types.js';

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const options: ProberOptions = {timeoutMs: 10_000, insecure: false, userAgent: 'fix403/test', maxRequests: 50};
const secrets: Array<[string, string]> = [
	['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.secret-signature'],
	['Cookie', 'session=s3cr3t'],
	['Proxy-Authorization', 'Basic dXNlcjpwYXNz'],
	['X-Request-Id', 'abc-123'],
];

/** Answers every request with the headers that arrived, as JSON. */
const echo = async (): Promise<Watched> => startWatched((request, response) => {
	response.writeHead(200, {'Content-Type': 'application/json'});
	response.end(JSON.stringify(request.headers));
});

test('a cross-origin redirect never carries Authorization, Cookie or Proxy-Authorization to the other origin', async () => {
	const other = await echo();
	const first = await startWatched((_request, response) => {
		response.writeHead(302, {Location: `${other.origin}/landing`});
		response.end();
	});
	servers.push(other, first);

	const record = await createProber(options).send({id: 'p', label: 'p', method: 'GET', url: `${first.origin}/start`, headers: secrets});

	expect(first.seen[0]?.headers['authorization']).toBe(secrets[0]![1]);
	expect(first.seen[0]?.headers['cookie']).toBe(secrets[1]![1]);
	expect(other.seen).toHaveLength(1);
	const arrived = other.seen[0]!.headers;
	expect(arrived['authorization']).toBeUndefined();
	expect(arrived['cookie']).toBeUndefined();
	expect(arrived['proxy-authorization']).toBeUndefined();
	expect(arrived['x-request-id']).toBe('abc-123');
	expect(record.status).toBe(200);
	expect(record.body).not.toContain('s3cr3t');
	expect(record.redirects).toEqual([`${first.origin}/start`, `${other.origin}/landing`]);
});

test('once dropped, credentials stay dropped even when the chain comes back to the first origin', async () => {
	let firstOrigin = '';
	const other = await startWatched((_request, response) => {
		response.writeHead(307, {Location: `${firstOrigin}/back`});
		response.end();
	});
	const first = await startWatched((request, response) => {
		if (request.url === '/start') {
			response.writeHead(302, {Location: `${other.origin}/away`});
			response.end();
			return;
		}

		response.end('back');
	});
	firstOrigin = first.origin;
	servers.push(other, first);

	const record = await createProber(options).send({id: 'p', label: 'p', method: 'GET', url: `${first.origin}/start`, headers: secrets});

	expect(record.body).toBe('back');
	expect(first.seen.map(seen => seen.url)).toEqual(['/start', '/back']);
	expect(first.seen[1]?.headers['authorization']).toBeUndefined();
	expect(other.seen[0]?.headers['cookie']).toBeUndefined();
});

test('a same-origin redirect keeps the credentials', async () => {
	const server = await startWatched((request, response) => {
		if (request.url === '/old') {
			response.writeHead(301, {Location: '/new'});
			response.end();
			return;
		}

		response.end('new');
	});
	servers.push(server);

	await createProber(options).send({id: 'p', label: 'p', method: 'GET', url: `${server.origin}/old`, headers: secrets});

	expect(server.seen[1]?.headers['authorization']).toBe(secrets[0]![1]);
	expect(server.seen[1]?.headers['cookie']).toBe('session=s3cr3t');
});

test('POST becomes GET on 303 without its body; 307 keeps method and body', async () => {
	const server = await startWatched((request, response) => {
		const targets: Record<string, [number, string]> = {'/see-other': [303, '/result'], '/temporary': [307, '/result']};
		const target = targets[request.url ?? ''];
		if (target) {
			response.writeHead(target[0], {Location: target[1]});
			response.end();
			return;
		}

		response.end(`${request.method ?? ''} arrived`);
	});
	servers.push(server);
	const prober = createProber(options);
	const post = (path: string): ProbeRequest => ({id: 'p', label: 'p', method: 'POST', url: `${server.origin}${path}`, headers: [['Content-Type', 'text/plain']], body: 'payload'});

	const seeOther = await prober.send(post('/see-other'));
	const temporary = await prober.send(post('/temporary'));

	expect(seeOther.body).toBe('GET arrived');
	expect(server.seen[1]).toMatchObject({method: 'GET', body: ''});
	expect(server.seen[1]?.headers['content-type']).toBeUndefined();
	expect(temporary.body).toBe('POST arrived');
	expect(server.seen[3]).toMatchObject({method: 'POST', body: 'payload'});
});

test('a redirect loop stops after 10 hops with redirect-loop; the server saw 11 requests', async () => {
	const server = await startWatched((request, response) => {
		response.writeHead(302, {Location: request.url === '/a' ? '/b' : '/a'});
		response.end();
	});
	servers.push(server);
	const prober = createProber(options);

	const record = await prober.send({id: 'p', label: 'p', method: 'GET', url: `${server.origin}/a`, headers: []});

	expect(record.failure?.code).toBe('redirect-loop');
	expect(record.failure?.message).toContain('10 redirects');
	expect(record.status).toBe(302);
	expect(server.count()).toBe(11);
	expect(record.redirects).toHaveLength(11);
	expect(prober.sent()).toBe(11);
});

test('every hop spends budget: a loop stops at maxRequests with budget', async () => {
	const server = await startWatched((request, response) => {
		response.writeHead(302, {Location: request.url === '/a' ? '/b' : '/a'});
		response.end();
	});
	servers.push(server);
	const prober = createProber({...options, maxRequests: 4});

	const record = await prober.send({id: 'p', label: 'p', method: 'GET', url: `${server.origin}/a`, headers: []});

	expect(record.failure?.code).toBe('budget');
	expect(record.status).toBe(302);
	expect(server.count()).toBe(4);
	expect(prober.remaining(server.origin)).toBe(0);
});

test('the endless body of a redirect is not read: the connection is closed', async () => {
	const watch: StreamWatch = {written: 0, closedEarly: false, finished: false};
	const server = await startWatched((request, response) => {
		if (request.url === '/final') {
			response.end('final');
			return;
		}

		streamHandler(Buffer.alloc(64 * 1024, 'x'), 2 ** 32, {Location: '/final'}, watch, 302)(request, response, '');
	});
	servers.push(server);

	const record = await createProber(options).send({id: 'p', label: 'p', method: 'GET', url: `${server.origin}/start`, headers: []});

	expect(record.body).toBe('final');
	await waitUntil(() => watch.closedEarly, 'the server to see the connection closed');
	expect(watch.finished).toBe(false);
	expect(watch.written).toBeLessThan(64 * 1024 * 1024);
});
