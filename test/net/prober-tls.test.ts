import type {ServerOptions} from 'node:https';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {makeTestCerts, startWatched, type TestCerts, type Watched} from '../helpers/hostile-servers.js';
import {createProber} from '../../src/net/prober.js';
import type {ProbeRecord} from '../../src/net/probe-types.js';

let certs: TestCerts;
beforeAll(() => {
	certs = makeTestCerts();
});
afterAll(() => {
	certs.remove();
});

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

/** An HTTPS server answering 403 with the given TLS setup; the prober trusts the test CA unless told otherwise. */
async function probeTls(tls: () => ServerOptions, prober: {insecure?: boolean; trustTestCa?: boolean} = {}): Promise<{record: ProbeRecord; server: Watched}> {
	const server = await startWatched((_request, response) => {
		response.writeHead(403, {'Content-Type': 'text/plain'});
		response.end('forbidden over tls');
	}, tls());
	servers.push(server);
	const record = await createProber({
		timeoutMs: 5000,
		insecure: prober.insecure ?? false,
		userAgent: 'fix403/test',
		...(prober.trustTestCa === false ? {} : {ca: [certs.ca]}),
	}).send({id: 'p', label: 'p', method: 'GET', url: `${server.origin}/`, headers: []});
	return {record, server};
}

test('a valid certificate from a trusted CA gets through, with a TLS timing', async () => {
	const {record} = await probeTls(() => ({key: certs.key, cert: certs.good}));

	expect(record.failure).toBeUndefined();
	expect(record.status).toBe(403);
	expect(record.body).toBe('forbidden over tls');
	expect(record.timings?.['tls']).toBeGreaterThanOrEqual(0);
});

describe('certificate problems: named, with the --insecure hint, and --insecure looks past them', () => {
	test.each([
		['self-signed', () => ({key: certs.selfSignedKey, cert: certs.selfSigned}), 'tls-self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT', /self-signed/],
		['expired', () => ({key: certs.key, cert: certs.expired}), 'tls-expired', 'CERT_HAS_EXPIRED', /has expired/],
		['for another host name', () => ({key: certs.key, cert: certs.wrongHost}), 'tls-hostname', 'ERR_TLS_CERT_ALTNAME_INVALID', /for other names.*wrong\.example/],
	] as const)('%s', async (_name, tls, code, errorCode, words) => {
		const {record, server} = await probeTls(tls);

		expect(record.failure).toMatchObject({code, errorCode});
		expect(record.failure?.message).toMatch(words);
		expect(record.failure?.message).toContain('--insecure');
		expect(record.status).toBeUndefined();
		expect(server.count()).toBe(0);

		const insecure = await probeTls(tls, {insecure: true, trustTestCa: false});
		expect(insecure.record.failure).toBeUndefined();
		expect(insecure.record.status).toBe(403);
		expect(insecure.record.curl).toMatch(/^curl -sS -i -k /);
	});
});

test('a certificate from a CA we do not trust (the private CA, not given to the prober) is named as untrusted', async () => {
	const {record} = await probeTls(() => ({key: certs.key, cert: certs.good}), {trustTestCa: false});

	expect(record.failure?.code).toBe('tls-self-signed');
	expect(record.failure?.message).toContain('trusted authority');
});

test('a server that speaks only TLS 1.0 fails with tls-protocol', async () => {
	// Node still creates such a server; our client (minimum TLS 1.2) gets alert 70 "protocol version".
	const {record} = await probeTls(() => ({key: certs.key, cert: certs.good, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0'}));

	expect(record.failure?.code).toBe('tls-protocol');
	expect(record.failure?.message).toContain('TLS 1.0/1.1');
	expect(record.failure?.message).not.toContain('--insecure');
});

test('a server with no cipher in common fails with tls-protocol', async () => {
	// PSK suites only, and no PSK configured: the server finds nothing it can use in our ClientHello.
	const {record} = await probeTls(() => ({key: certs.key, cert: certs.good, maxVersion: 'TLSv1.2', ciphers: 'PSK-AES128-CBC-SHA'}));

	expect(record.failure?.code).toBe('tls-protocol');
});

describe('a server that requires a client certificate', () => {
	const mutual = (maxVersion: 'TLSv1.2' | 'TLSv1.3') => (): ServerOptions => ({key: certs.key, cert: certs.good, ca: certs.ca, requestCert: true, rejectUnauthorized: true, maxVersion});

	test('over TLS 1.3 (alert 116, certificate required) fails with tls-client-cert', async () => {
		const {record} = await probeTls(mutual('TLSv1.3'));

		expect(record.failure).toMatchObject({code: 'tls-client-cert', errorCode: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'});
		expect(record.failure?.message).toContain('client certificate');
	});

	test('over TLS 1.2 (alert 40 after the key exchange) fails with tls-client-cert too', async () => {
		const {record} = await probeTls(mutual('TLSv1.2'));

		expect(record.failure?.code).toBe('tls-client-cert');
		expect(record.failure?.message).toContain('client certificate');
	});

	test('--insecure does not get past it', async () => {
		const {record} = await probeTls(mutual('TLSv1.3'), {insecure: true});

		expect(record.failure?.code).toBe('tls-client-cert');
	});
});

test('https:// to a plain-HTTP port is named as such', async () => {
	const server = await startWatched((_request, response) => {
		response.end();
	});
	servers.push(server);

	const record = await createProber({timeoutMs: 5000, insecure: false, userAgent: 'fix403/test'})
		.send({id: 'p', label: 'p', method: 'GET', url: server.origin.replace('http:', 'https:'), headers: []});

	expect(record.failure?.code).toBe('tls-protocol');
	expect(record.failure?.message).toContain('plain HTTP');
});
