import {setTimeout as delay} from 'node:timers/promises';
import {afterEach, expect, test} from 'vitest';
import {startWatched, type Watched} from '../helpers/hostile-servers.js';
import {createProber, type ProberOptions} from '../../src/net/prober.js';
import type {ProbeRequest} from '../../src/net/probe-types.js';

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const options: ProberOptions = {timeoutMs: 10_000, insecure: false, userAgent: 'fix403/test'};
const probe = (url: string, id = 'p'): ProbeRequest => ({id, label: id, method: 'GET', url, headers: []});

test('never more than maxRequests to one origin: probes past the budget are not sent', async () => {
	const server = await startWatched((_request, response) => {
		response.writeHead(403);
		response.end();
	});
	servers.push(server);
	const prober = createProber({...options, maxRequests: 3});

	const records = await Promise.all(Array.from({length: 5}, async (_, index) => prober.send(probe(`${server.origin}/${index}`))));

	expect(server.count()).toBe(3);
	expect(records.filter(record => record.status === 403)).toHaveLength(3);
	const refused = records.filter(record => record.failure?.code === 'budget');
	expect(refused).toHaveLength(2);
	expect(refused[0]?.failure?.message).toMatch(/3 requests allowed to http:\/\/127\.0\.0\.1:\d+/);
	expect(prober.remaining(server.origin)).toBe(0);
	expect(prober.remaining(`${server.origin}/any/path`)).toBe(0);
	expect(prober.remaining('http://elsewhere.example')).toBe(3);
	expect(prober.sent()).toBe(3);
});

test('never more than 4 requests in flight at once, counted by the server', async () => {
	const server = await startWatched((_request, response) => {
		// Hold each answer a moment so that requests that are allowed to overlap do overlap.
		setTimeout(() => {
			response.writeHead(200);
			response.end('ok');
		}, 150);
	});
	servers.push(server);
	const prober = createProber({...options, maxRequests: 20});

	const records = await Promise.all(Array.from({length: 12}, async (_, index) => prober.send(probe(`${server.origin}/${index}`))));

	expect(records.every(record => record.status === 200)).toBe(true);
	expect(server.count()).toBe(12);
	expect(server.maxInFlight()).toBeLessThanOrEqual(4);
	expect(server.maxInFlight()).toBeGreaterThan(1);
});

test('a concurrency of 1 sends one at a time', async () => {
	const server = await startWatched((_request, response) => {
		setTimeout(() => {
			response.end('ok');
		}, 50);
	});
	servers.push(server);
	const prober = createProber({...options, concurrency: 1});

	await Promise.all(Array.from({length: 4}, async (_, index) => prober.send(probe(`${server.origin}/${index}`))));

	expect(server.count()).toBe(4);
	expect(server.maxInFlight()).toBe(1);
});

test('a 429 with a long Retry-After stops all further requests to that host (429 is not retried)', async () => {
	const server = await startWatched((_request, response) => {
		// Shape of a real rate-limit answer (RFC 6585 §4): 429 with Retry-After in seconds.
		response.writeHead(429, {'Retry-After': '120', 'Content-Type': 'text/plain'});
		response.end('Too Many Requests');
	});
	servers.push(server);
	let clock = 1_790_000_000_000;
	const prober = createProber({...options, now: () => clock});

	const first = await prober.send(probe(server.origin, 'first'));
	const second = await prober.send(probe(`${server.origin}/other`, 'second'));

	expect(first.status).toBe(429);
	expect(server.count()).toBe(1);
	expect(second.failure?.code).toBe('budget');
	expect(second.failure?.message).toContain('Retry-After');
	expect(second.failure?.message).toContain('120 s');
	expect(prober.blockedUntil(server.origin)).toBe(1_790_000_120_000);
	// The same host on another port is the same host for a rate limiter.
	expect(prober.blockedUntil('https://127.0.0.1')).toBe(1_790_000_120_000);

	clock += 121_000;
	expect(prober.blockedUntil(server.origin)).toBeUndefined();
	const later = await prober.send(probe(server.origin, 'later'));
	expect(later.status).toBe(429);
	expect(server.count()).toBe(2);
});

test('a Retry-After shorter than 2 s is waited out, then the probe is sent', async () => {
	let count = 0;
	const server = await startWatched((_request, response) => {
		count++;
		response.writeHead(count === 1 ? 503 : 200, count === 1 ? {'Retry-After': '1'} : {});
		response.end();
	});
	servers.push(server);
	const prober = createProber(options);

	const first = await prober.send(probe(server.origin));
	expect(first.status).toBe(503);
	expect(prober.blockedUntil(server.origin)).toBeDefined();

	const second = prober.send(probe(server.origin));
	// Well inside the one-second hold: nothing may have reached the server yet.
	await delay(100);
	expect(server.count()).toBe(1);

	expect((await second).status).toBe(200);
	expect(server.count()).toBe(2);
});

test('a probe cancelled while it waits for a slot is never sent', async () => {
	const server = await startWatched((_request, response) => {
		setTimeout(() => {
			response.end('slow');
		}, 300);
	});
	servers.push(server);
	const prober = createProber({...options, concurrency: 1});
	const controller = new AbortController();

	const running = prober.send(probe(server.origin, 'running'));
	const queued = prober.send(probe(server.origin, 'queued'), controller.signal);
	await delay(20);
	controller.abort();

	const [first, second] = await Promise.all([running, queued]);
	expect(first.body).toBe('slow');
	expect(second.failure?.code).toBe('aborted');
	expect(server.count()).toBe(1);
	expect(prober.sent()).toBe(1);
});
