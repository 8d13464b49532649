import {writeFileSync} from 'node:fs';
import path from 'node:path';
import type {ServerOptions} from 'node:https';
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest';
import {makeTestCerts, startWatched, type TestCerts, type Watched} from '../helpers/hostile-servers.js';
import {expectReport} from './expect-cli.js';
import {runMeasured} from './run-measured.js';

/*
TLS failures through the CLI: each is named in the report's reason and its probe's error code, and
`--insecure` looks past the certificate problems (not past an obsolete protocol). The expired and wrong-name
certificates are signed by a private CA that the CLI trusts through NODE_EXTRA_CA_CERTS, so that the error is
the expiry or the name and not the unknown issuer.
*/

let certs: TestCerts;
let caFile: string;
beforeAll(() => {
	certs = makeTestCerts();
	caFile = path.join(certs.dir, 'trusted-ca.pem');
	writeFileSync(caFile, certs.ca);
});
afterAll(() => {
	certs.remove();
});

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

async function forbiddenOverTls(tls: ServerOptions): Promise<Watched> {
	const server = await startWatched((_request, response) => {
		response.writeHead(403, {'content-type': 'text/plain'});
		response.end('forbidden over tls');
	}, tls);
	servers.push(server);
	return server;
}

describe('certificate problems: named, and --insecure looks past them', () => {
	test.each([
		['self-signed', () => ({key: certs.selfSignedKey, cert: certs.selfSigned}), 'tls-self-signed', /is self-signed/],
		['expired', () => ({key: certs.key, cert: certs.expired}), 'tls-expired', /has expired/],
		['for another host name', () => ({key: certs.key, cert: certs.wrongHost}), 'tls-hostname', /is for other names \(wrong\.example\)/],
	] as const)('%s', async (_name, tls, code, words) => {
		const server = await forbiddenOverTls(tls());
		const env = {NODE_EXTRA_CA_CERTS: caFile};

		const report = expectReport(await runMeasured([`${server.origin}/private`, '--json'], {env}));

		expect(report.status).toBe('unreachable');
		expect(report.reason).toMatch(words);
		expect(report.reason).toContain('--insecure');
		expect(report.probes.map(probe => probe.error?.code)).toEqual([code]);
		expect(server.count(), 'no request got through the handshake').toBe(0);

		const insecure = expectReport(await runMeasured([`${server.origin}/private`, '--json', '--insecure'], {env}));

		expect(insecure.status).not.toBe('unreachable');
		expect(insecure.probes[0]).toMatchObject({status: 403});
		expect(insecure.probes[0]?.error).toBeUndefined();
		expect(insecure.probes[0]?.curl).toMatch(/ -k /);
		expect(server.count()).toBeGreaterThan(0);
		expect(server.count()).toBeLessThanOrEqual(12);
		expect(server.maxInFlight()).toBeLessThanOrEqual(4);
	});
});

test('a server that speaks only TLS 1.0: named as tls-rejected, with or without --insecure', async () => {
	const server = await forbiddenOverTls({key: certs.key, cert: certs.good, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0'});

	for (const extra of [[], ['--insecure']]) {
		const report = expectReport(await runMeasured([server.origin, '--json', ...extra], {env: {NODE_EXTRA_CA_CERTS: caFile}}));

		// Not a certificate the user could choose to trust: the server refuses every TLS version this client
		// offers, which is the contract's `tls-rejected`, with the reason in its evidence.
		expect(report.status).toBe('diagnosed');
		expect(report.causes[0]?.id).toBe('tls-rejected');
		expect(report.causes[0]?.evidence.join(' ')).toMatch(/share no TLS version or cipher .*TLS 1\.0\/1\.1/);
		expect(report.probes.map(probe => probe.error?.code)).toEqual(['tls-protocol']);
	}

	expect(server.count()).toBe(0);
});
