import zlib from 'node:zlib';
import {afterEach, expect, test} from 'vitest';
import {gzipMemberOfZeros, startWatched, waitUntil, streamHandler, type StreamWatch, type Watched} from '../helpers/hostile-servers.js';
import {createProber, type ProberOptions} from '../../src/net/prober.js';
import type {ProbeRecord} from '../../src/net/probe-types.js';

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const kib = 1024;
const mib = 1024 * kib;
const options: ProberOptions = {timeoutMs: 30_000, insecure: false, userAgent: 'fix403/test'};
const newWatch = (): StreamWatch => ({written: 0, closedEarly: false, finished: false});

/** Sends one GET and reports the record and the most the process's RSS grew while it ran. */
async function sendWatchingMemory(origin: string, proberOptions: ProberOptions): Promise<{record: ProbeRecord; rssGrowth: number}> {
	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 5);
	try {
		const record = await createProber(proberOptions).send({id: 'p', label: 'p', method: 'GET', url: origin, headers: []});
		peak = Math.max(peak, process.memoryUsage().rss);
		return {record, rssGrowth: peak - before};
	} finally {
		clearInterval(sampler);
	}
}

test('a 4 GiB body is cut at 256 KiB and the connection closed; memory stays flat', async () => {
	const watch = newWatch();
	const server = await startWatched(streamHandler(Buffer.alloc(64 * kib, 'a'), 4 * 1024 * mib, {'Content-Type': 'text/plain', 'Content-Length': String(4 * 1024 * mib)}, watch));
	servers.push(server);

	const {record, rssGrowth} = await sendWatchingMemory(server.origin, options);

	expect(record.status).toBe(200);
	expect(record.failure).toBeUndefined();
	expect(record.bodyTruncated).toBe(true);
	expect(record.body.length).toBe(256 * kib);
	expect(record.bodyBytes).toBeLessThan(256 * kib + mib);
	await waitUntil(() => watch.closedEarly, 'the server to see the connection closed');
	expect(watch.written).toBeLessThan(64 * mib);
	expect(rssGrowth).toBeLessThan(100 * mib);
});

test('a gzip bomb (10 GiB of zeros in 10 MB) is inflated only up to the cap', async () => {
	const watch = newWatch();
	const member = gzipMemberOfZeros(mib);
	const server = await startWatched(streamHandler(member, member.length * 10 * 1024, {'Content-Type': 'text/plain', 'Content-Encoding': 'gzip'}, watch));
	servers.push(server);

	const {record, rssGrowth} = await sendWatchingMemory(server.origin, options);

	expect(record.failure).toBeUndefined();
	expect(record.bodyTruncated).toBe(true);
	expect(record.body.length).toBe(256 * kib);
	expect(record.body).toMatch(/^\0+$/);
	await waitUntil(() => watch.closedEarly, 'the server to see the connection closed');
	expect(watch.written).toBeLessThan(64 * mib);
	expect(rssGrowth).toBeLessThan(100 * mib);
});

test('the decompressed cap holds on its own, even with a large wire cap', async () => {
	const watch = newWatch();
	const member = gzipMemberOfZeros(mib);
	const server = await startWatched(streamHandler(member, member.length * 10 * 1024, {'Content-Encoding': 'gzip'}, watch));
	servers.push(server);

	const {record, rssGrowth} = await sendWatchingMemory(server.origin, {...options, bodyCap: 64 * mib, decompressedCap: mib});

	expect(record.body.length).toBe(mib);
	expect(record.bodyTruncated).toBe(true);
	// About one kilobyte per inflated mebibyte: the wire cap was nowhere near.
	expect(record.bodyBytes).toBeLessThan(4 * mib);
	await waitUntil(() => watch.closedEarly, 'the server to see the connection closed');
	expect(rssGrowth).toBeLessThan(100 * mib);
});

test('gzip, deflate and br bodies are decoded; a short body is not truncated', async () => {
	const text = 'Access denied by policy.';
	const encoders: Record<string, (input: Buffer) => Buffer> = {gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync};
	const server = await startWatched((request, response) => {
		const coding = request.url!.slice(1);
		response.writeHead(403, {'Content-Encoding': coding});
		response.end(encoders[coding]!(Buffer.from(text)));
	});
	servers.push(server);
	const prober = createProber(options);

	for (const coding of Object.keys(encoders)) {
		const record = await prober.send({id: coding, label: coding, method: 'GET', url: `${server.origin}/${coding}`, headers: [['Accept-Encoding', 'gzip, deflate, br']]});
		expect(record.body).toBe(text);
		expect(record.bodyTruncated).toBe(false);
		expect(record.failure).toBeUndefined();
	}
});

test('the charset of the Content-Type decodes the text', async () => {
	const server = await startWatched((_request, response) => {
		response.writeHead(403, {'Content-Type': 'text/html; charset=ISO-8859-1'});
		// "Accès refusé" in latin1, as an old Apache error page in French would send it.
		response.end(Buffer.from([0x41, 0x63, 0x63, 0xE8, 0x73, 0x20, 0x72, 0x65, 0x66, 0x75, 0x73, 0xE9]));
	});
	servers.push(server);

	const record = await createProber(options).send({id: 'p', label: 'p', method: 'GET', url: server.origin, headers: []});

	expect(record.body).toBe('Accès refusé');
});

test('a body that does not decode as announced keeps the head and says so', async () => {
	const server = await startWatched((_request, response) => {
		response.writeHead(403, {'Content-Encoding': 'gzip'});
		response.end('this is not gzip at all');
	});
	servers.push(server);

	const record = await createProber(options).send({id: 'p', label: 'p', method: 'GET', url: server.origin, headers: []});

	expect(record.status).toBe(403);
	expect(record.failure?.code).toBe('invalid-http');
	expect(record.failure?.message).toContain('Content-Encoding');
});

test('a body in a coding we cannot decode (zstd on Node 20) is left out, its size kept', async () => {
	const server = await startWatched((_request, response) => {
		response.writeHead(403, {'Content-Encoding': 'zstd', 'Content-Type': 'text/html'});
		// A zstd frame header (magic 28 B5 2F FD, RFC 8878 §3.1.1) and some payload bytes.
		response.end(Buffer.from([0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x0B, 0x59, 0x00, 0x00, 0x34, 0x30, 0x33]));
	});
	servers.push(server);

	const record = await createProber(options).send({id: 'p', label: 'p', method: 'GET', url: server.origin, headers: [['Accept-Encoding', 'gzip, deflate, br, zstd']]});

	expect(record.status).toBe(403);
	expect(record.body).toBe('');
	expect(record.bodyBytes).toBe(12);
	expect(record.failure).toBeUndefined();
});

test('HEAD, 204 and 304 answers that announce gzip have no body to decode and do not fail', async () => {
	const server = await startWatched((request, response) => {
		const status = request.url === '/no-content' ? 204 : (request.url === '/not-modified' ? 304 : 403);
		response.writeHead(status, {'Content-Encoding': 'gzip', 'Content-Length': status === 403 ? '20' : '0'});
		response.end();
	});
	servers.push(server);
	const prober = createProber(options);

	for (const [method, path, status] of [['HEAD', '/', 403], ['GET', '/no-content', 204], ['GET', '/not-modified', 304]] as const) {
		const record = await prober.send({id: 'p', label: 'p', method, url: `${server.origin}${path}`, headers: []});
		expect(record.status).toBe(status);
		expect(record.body).toBe('');
		expect(record.failure).toBeUndefined();
	}
});
