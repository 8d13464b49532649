import type http from 'node:http';
import type net from 'node:net';
import {afterEach, describe, expect, test} from 'vitest';
import {gzipMemberOfZeros, startRaw, startWatched, waitUntil, type Watched} from '../helpers/hostile-servers.js';
import {expectReport} from './expect-cli.js';
import {runMeasured} from './run-measured.js';

/*
Every fault a network can throw at fix403, end to end through the built CLI (`fix403 URL --json`): the run
ends with a report (exit 0, stderr clean), whose status, reason and probe error codes name the fault, and the
server side confirms the limits held (requests ≤ --max-requests, ≤ 4 at once, memory bounded).
*/

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const mib = 1024 * 1024;
/** The default --max-requests (CONTRACT.md). */
const defaultBudget = 12;

async function keep(server: Promise<Watched>): Promise<Watched> {
	const started = await server;
	servers.push(started);
	return started;
}

/** A raw TCP server that waits for the request bytes, then does `act` with the socket. */
const raw = async (act: (socket: net.Socket) => void): Promise<Watched> => keep(startRaw(socket => {
	socket.once('data', () => {
		act(socket);
	});
}));

function expectWithinLimits(server: Watched, budget = defaultBudget): void {
	expect(server.count(), 'requests the server received').toBeLessThanOrEqual(budget);
	expect(server.maxInFlight(), 'requests open at once').toBeLessThanOrEqual(4);
}

test('connection refused: unreachable, named', async () => {
	const closed = await startRaw(() => undefined);
	await closed.close();

	const report = expectReport(await runMeasured([`${closed.origin}/x`, '--json']));

	expect(report.status).toBe('unreachable');
	expect(report.reason).toMatch(/connection refused/);
	expect(report.probes.map(probe => probe.error?.code)).toEqual(['refused']);
});

test('DNS failure (.invalid never resolves, RFC 6761 §6.4): unreachable, named', async () => {
	const report = expectReport(await runMeasured(['http://fix403-hostile-test.invalid/page', '--json']));

	expect(report.status).toBe('unreachable');
	expect(report.reason).toMatch(/fix403-hostile-test\.invalid (does not resolve|could not be looked up)/);
	expect(report.probes.map(probe => probe.error?.code)).toEqual(['dns']);
});

test('a reset in the middle of the body: the answer so far is kept, the reset named', async () => {
	const server = await raw(socket => {
		socket.write('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n');
		socket.write('denied '.repeat(100), () => {
			socket.resetAndDestroy();
		});
	});

	const report = expectReport(await runMeasured([`${server.origin}/file`, '--json']));

	// The 403 and its headers arrived before the reset: the diagnosis goes on with them, and says what broke.
	expect(report.status).not.toBe('unreachable');
	expect(report.transcript.map(entry => entry.text).join('\n')).toMatch(/The answer \(403\) broke off: .*closed the connection in the middle of the body/);
	const [original] = report.probes;
	expect(original).toMatchObject({status: 403, error: {code: 'reset'}});
	expect(original?.bodyExcerpt).toContain('denied denied');
	expectWithinLimits(server);
});

test('a server that accepts and never answers: timeout after --timeout', async () => {
	const server = await raw(() => undefined);

	const report = expectReport(await runMeasured([server.origin, '--json', '--timeout', '400']));

	expect(report.status).toBe('unreachable');
	expect(report.reason).toMatch(/accepted the connection but sent no answer within 400 ms/);
	expect(report.probes.map(probe => probe.error?.code)).toEqual(['timeout']);
	expectWithinLimits(server);
});

test('a slow drip: the head and the drops that came are kept, the timeout named', async () => {
	const server = await raw(socket => {
		socket.write('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n');
		const timer = setInterval(() => {
			socket.write('.');
		}, 20);
		socket.on('close', () => {
			clearInterval(timer);
		});
	});

	const report = expectReport(await runMeasured([server.origin, '--json', '--timeout', '600']));

	expect(report.status).not.toBe('unreachable');
	expect(report.transcript.map(entry => entry.text).join('\n')).toMatch(/The answer \(403\) broke off: .*body was still arriving after 600 ms/);
	expect(report.probes[0]).toMatchObject({status: 403, error: {code: 'timeout'}});
	expect(report.probes[0]?.bodyExcerpt).toMatch(/^\.+$/);
	expectWithinLimits(server);
});

test('a redirect loop stops after 10 redirects, 11 requests on the server', async () => {
	const server = await keep(startWatched((request, response) => {
		response.writeHead(302, {location: request.url === '/a' ? '/b' : '/a'});
		response.end();
	}));

	const report = expectReport(await runMeasured([`${server.origin}/a`, '--json', '--max-requests', '50']));

	expect(report.status).toBe('unreachable');
	expect(report.reason).toMatch(/Stopped after 10 redirects/);
	expect(report.probes.map(probe => probe.error?.code)).toEqual(['redirect-loop']);
	// The first request and ten redirects followed; the eleventh Location is not.
	expect(server.count()).toBe(11);
	expectWithinLimits(server, 50);
});

test('thousands of headers: invalid-http, named', async () => {
	const server = await raw(socket => {
		const headers = Array.from({length: 5000}, (_, index) => `X-Filler-${index}: ${index}\r\n`).join('');
		socket.end(`HTTP/1.1 403 Forbidden\r\n${headers}Content-Length: 0\r\n\r\n`);
	});

	const report = expectReport(await runMeasured([server.origin, '--json']));

	expect(report.status).toBe('unreachable');
	expect(report.reason).toMatch(/more response headers than Node\.js accepts/);
	expect(report.probes.map(probe => probe.error?.code)).toEqual(['invalid-http']);
	expectWithinLimits(server);
});

test('invalid HTTP (an SSH banner on the port): invalid-http, named', async () => {
	// What an SSH server says first (RFC 4253 §4.2).
	const server = await raw(socket => socket.end('SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5\r\n'));

	const report = expectReport(await runMeasured([server.origin, '--json']));

	expect(report.status).toBe('unreachable');
	expect(report.reason).toMatch(/not valid HTTP\/1\.1 \(HPE_/);
	expect(report.probes.map(probe => probe.error?.code)).toEqual(['invalid-http']);
	expectWithinLimits(server);
});

describe('endless bodies: read caps hold, the server sees the socket closed early, memory stays bounded', () => {
	/** What one response of a streaming handler managed to write, and whether the client hung up first. */
	type Sent = {method: string; written: number; closedEarly: boolean};

	/** Streams `total` bytes of `chunk` per request, honouring backpressure; records each response on its own. */
	function endless(chunk: Buffer, total: number, headers: http.OutgoingHttpHeaders, sent: Sent[]) {
		return (request: http.IncomingMessage, response: http.ServerResponse) => {
			const watch: Sent = {method: request.method ?? '', written: 0, closedEarly: false};
			sent.push(watch);
			response.writeHead(403, headers);
			response.on('close', () => {
				watch.closedEarly = !response.writableFinished;
			});
			const pump = (): void => {
				while (watch.written < total && !response.destroyed && !response.socket?.destroyed) {
					watch.written += chunk.length;
					if (!response.write(chunk)) {
						response.once('drain', pump);
						return;
					}
				}

				if (!response.destroyed && !response.socket?.destroyed) {
					response.end();
				}
			};

			pump();
		};
	}

	/** HEAD answers carry no body (Node drops what is written), so only the others can be cut off. */
	const withBody = (sent: readonly Sent[]) => sent.filter(watch => watch.method !== 'HEAD');

	test('a 4 GiB body', async () => {
		const sent: Sent[] = [];
		const total = 4 * 1024 * mib;
		const server = await keep(startWatched(endless(Buffer.alloc(64 * 1024, 'x'), total, {'content-type': 'text/plain', 'content-length': String(total)}, sent)));

		const result = await runMeasured([server.origin, '--json']);
		const report = expectReport(result);

		expect(report.probes[0]).toMatchObject({status: 403});
		expect(report.probes[0]?.error).toBeUndefined();
		expect(report.status).not.toBe('unreachable');
		await waitUntil(() => sent.length === server.count() && withBody(sent).every(watch => watch.closedEarly), 'every response to be cut off by the client');
		expect(withBody(sent).length).toBeGreaterThan(0);
		for (const watch of withBody(sent)) {
			expect(watch.written).toBeLessThan(64 * mib);
		}

		expectWithinLimits(server);
		expect(result.peakRss, 'peak RSS of the CLI').toBeGreaterThan(0);
		expect(result.peakRss, 'peak RSS of the CLI').toBeLessThan(150 * mib);
	});

	test('a compression bomb (10 GiB of zeros in 10 MB of gzip)', async () => {
		const sent: Sent[] = [];
		const member = gzipMemberOfZeros(mib);
		const server = await keep(startWatched(endless(member, member.length * 10 * 1024, {'content-type': 'text/plain', 'content-encoding': 'gzip'}, sent)));

		const result = await runMeasured([server.origin, '--json']);
		const report = expectReport(result);

		expect(report.probes[0]).toMatchObject({status: 403});
		expect(report.probes[0]?.error).toBeUndefined();
		await waitUntil(() => sent.length === server.count() && withBody(sent).every(watch => watch.closedEarly), 'every response to be cut off by the client');
		expect(withBody(sent).length).toBeGreaterThan(0);
		for (const watch of withBody(sent)) {
			expect(watch.written).toBeLessThan(64 * mib);
		}

		expectWithinLimits(server);
		expect(result.peakRss, 'peak RSS of the CLI').toBeGreaterThan(0);
		expect(result.peakRss, 'peak RSS of the CLI').toBeLessThan(150 * mib);
	});
});

describe('a server that sends a body after its answer to HEAD (not allowed, RFC 9110 §9.3.2)', () => {
	/** Answers every request, HEAD included, with a body, then closes: a naive hand-written server does this. */
	const bodyEvenForHead = async () => raw(socket => {
		socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nForbidden');
	});

	test('a HEAD answered with a body anyway settles with the status that came, and the report comes out', async () => {
		const server = await bodyEvenForHead();

		const report = expectReport(await runMeasured([`${server.origin}/x`, '--json']));

		// The head arrived before the stray bytes: its status is the answer, the bytes are not read.
		expect(report.probes.find(probe => probe.id === 'method-head')?.status).toBe(403);
		expectWithinLimits(server);
	});

	test('never a silent exit: the CLI reports what it has and says the session stalled', async () => {
		const server = await bodyEvenForHead();

		const result = await runMeasured([`${server.origin}/x`, '--json']);

		// Exit 13 ("unsettled top-level await") with empty stdout is what a stall looked like before the guard.
		expect(result.code).not.toBe(13);
		const report = JSON.parse(result.stdout) as {schema: string; probes: Array<{id: string; status: number}>};
		expect(report.schema).toBe('fix403/report@1');
		expect(report.probes[0]).toMatchObject({id: 'original', status: 403});
		expect(result.stderr).not.toMatch(/^\s+at\s/m);
		if (result.code !== 0) {
			// While the prober bug above stands: an internal error (1), one line, the report kept.
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(/^fix403: internal error — the session stopped with a check still waiting[^\n]*\n$/);
		}
	});
});
