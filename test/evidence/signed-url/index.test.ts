import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {readSignedUrl} from '../../../src/evidence/signed-url/index.js';
import type {Finding} from '../../../src/evidence/types.js';

const codes = (findings: readonly Finding[]) => findings.map(finding => finding.code);
const find = (findings: readonly Finding[], code: string) => findings.find(finding => finding.code === code);

// AWS docs, "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)" example.
const sigv4 = 'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const sigv4SignedAt = Date.UTC(2013, 4, 24);

describe('AWS SigV4', () => {
	it('reads date, relative expiry, region and hides the signature', () => {
		const reading = readSignedUrl(sigv4, {now: sigv4SignedAt + 3_600_000});
		expect(reading?.scheme).toBe('aws-sigv4');
		expect(reading?.vendor).toBe('aws-s3');
		expect(reading?.signedAt).toBe(sigv4SignedAt);
		expect(reading?.expiresAt).toBe(sigv4SignedAt + 86_400_000);
		expect(reading?.details['region']).toBe('us-east-1');
		expect(reading?.params['X-Amz-Signature']).toBe('[redacted]');
		expect(reading?.params['X-Amz-Credential']).toBe('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
		expect(JSON.stringify(reading)).not.toContain('aeeed9bbccd4d02ee5c0109b86d86835');
		expect(codes(reading!.findings)).toEqual(['signed-url.detected', 'signed-url.within-validity']);
	});

	it('says expired, by how much, against both clocks', () => {
		const now = sigv4SignedAt + 86_400_000 + 7_200_000;
		const reading = readSignedUrl(sigv4, {now, serverDate: now + 1000});
		const expired = find(reading!.findings, 'signed-url.expired');
		expect(expired?.supports).toEqual({'signed-url-expired': 0.9});
		expect(expired?.text).toContain('2013-05-25T00:00:00Z');
		expect(expired?.text).toContain('by the server\'s clock 2 h ago');
		expect(codes(reading!.findings)).not.toContain('signed-url.clock-skew');
	});

	it('sees clock skew when the link is valid locally but expired by the server\'s Date', () => {
		// Local clock: 5 minutes before expiry. Server clock: 10 minutes after.
		const expiry = sigv4SignedAt + 86_400_000;
		const reading = readSignedUrl(sigv4, {now: expiry - 300_000, serverDate: expiry + 600_000});
		expect(find(reading!.findings, 'signed-url.expired')?.supports?.['signed-url-expired']).toBe(0.85);
		const skew = find(reading!.findings, 'signed-url.clock-skew');
		expect(skew?.supports).toEqual({'clock-skew': 0.8});
		expect(skew?.text).toContain('15 min ahead');
		expect(skew?.text).toContain('one calls the link valid and the other expired');
	});

	it('does not blame expiry when only the local clock has passed it', () => {
		const expiry = sigv4SignedAt + 86_400_000;
		const reading = readSignedUrl(sigv4, {now: expiry + 600_000, serverDate: expiry - 60_000});
		expect(find(reading!.findings, 'signed-url.expired-locally')?.supports?.['signed-url-expired']).toBeLessThan(0.2);
		expect(find(reading!.findings, 'signed-url.clock-skew')?.supports?.['clock-skew']).toBe(0.8);
	});

	it('forgives a signing time up to 15 minutes ahead, then calls it not yet valid', () => {
		expect(codes(readSignedUrl(sigv4, {now: sigv4SignedAt - 600_000})!.findings)).toContain('signed-url.within-validity');
		const early = readSignedUrl(sigv4, {now: sigv4SignedAt - 3_600_000})!;
		expect(find(early.findings, 'signed-url.not-yet-valid')?.supports?.['clock-skew']).toBe(0.7);
	});

	it('finds a missing signature, an over-long expiry and a credential scope from another day', () => {
		const stripped = sigv4.replace(/&X-Amz-Signature=[^&]+/, '');
		expect(find(readSignedUrl(stripped, {now: sigv4SignedAt})!.findings, 'signed-url.missing-signature')?.supports).toEqual({'signed-url-invalid': 0.85});
		const tooLong = sigv4.replace('X-Amz-Expires=86400', 'X-Amz-Expires=700000');
		expect(codes(readSignedUrl(tooLong, {now: sigv4SignedAt})!.findings)).toContain('signed-url.expires-too-long');
		const otherDay = sigv4.replace('%2F20130524%2F', '%2F20130523%2F');
		expect(codes(readSignedUrl(otherDay, {now: sigv4SignedAt})!.findings)).toContain('signed-url.credential-date-mismatch');
	});

	it('warns about temporary credentials, more so for an old link', () => {
		// boto3 presigned URL signed by a role session.
		const url = 'https://my-bucket.s3.eu-west-1.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAXXXXXXXXXXXXXXXX%2F20260911%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20260911T080000Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F%2F%2F%2F%2F%2F%2F%2F%2F%2FwEaCWV1LXdlc3QtMSJHMEUCIQ&X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
		const fresh = readSignedUrl(url, {now: Date.UTC(2026, 8, 11, 8, 10)})!;
		expect(find(fresh.findings, 'signed-url.temporary-credentials')?.mark).toBe('info');
		expect(fresh.params['X-Amz-Security-Token']).toBe('[redacted]');
		const old = readSignedUrl(url, {now: Date.UTC(2026, 8, 12, 8, 0)})!;
		expect(find(old.findings, 'signed-url.temporary-credentials')?.supports).toEqual({'signed-url-expired': 0.4});
	});
});

describe('AWS SigV2 and GCS V2', () => {
	it('reads the absolute Expires of SigV2', () => {
		const url = 'https://mybucket.s3.amazonaws.com/photo.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1141889120&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D';
		const reading = readSignedUrl(url, {now: 1_141_889_120_000 + 60_000})!;
		expect(reading.scheme).toBe('aws-sigv2');
		expect(reading.expiresAt).toBe(1_141_889_120_000);
		expect(reading.params).toEqual({AWSAccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Expires: '1141889120', Signature: '[redacted]'});
		expect(codes(reading.findings)).toContain('signed-url.expired');
	});

	it('reads GCS V2 links', () => {
		const url = 'https://storage.googleapis.com/example-bucket/cat.jpeg?GoogleAccessId=example%40example-project.iam.gserviceaccount.com&Expires=1577836800&Signature=BCl6EQ8Ybb9Dj6Bj%2B8Z1y7Q%3D%3D';
		const reading = readSignedUrl(url, {now: 1_577_836_700_000})!;
		expect(reading.scheme).toBe('gcs-v2');
		expect(reading.vendor).toBe('gcs');
		expect(reading.details['signer']).toBe('example@example-project.iam.gserviceaccount.com');
	});
});

describe('GCS V4', () => {
	// Google Cloud docs, "V4 signing process with Cloud Storage tools" example (signature shortened).
	const url = 'https://storage.googleapis.com/example-bucket/cat.jpeg?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=example%40example-project.iam.gserviceaccount.com%2F20181026%2Fus-central1%2Fstorage%2Fgoog4_request&X-Goog-Date=20181026T181309Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=247a2aa45f169edf4d187d54e7cc46e4731b1e6273242c4f4c39a1d2507a0e58706e25e3a85a7dbb891d62afa849';

	it('reads signer, window and redacts the signature', () => {
		const reading = readSignedUrl(url, {now: Date.UTC(2018, 9, 26, 18, 20)})!;
		expect(reading.scheme).toBe('gcs-v4');
		expect(reading.vendor).toBe('gcs');
		expect(reading.expiresAt).toBe(Date.UTC(2018, 9, 26, 18, 28, 9));
		expect(find(reading.findings, 'signed-url.gcs-signer')?.data).toEqual({signer: 'example@example-project.iam.gserviceaccount.com'});
		expect(reading.params['X-Goog-Signature']).toBe('[redacted]');
	});
});

describe('CloudFront', () => {
	it('reads a canned policy link (AWS docs example)', () => {
		const url = 'https://d111111abcdef8.cloudfront.net/image.jpg?color=red&size=medium&Expires=1357034400&Signature=nitfHRCrtziwO2HwPfWw~yYDhUF5EwRunQA-j19DzZrvDh6hQ73lDx~-ar3UocvvRQVw6EkC~GdpGQyyOSKQim-TxAnW7d8F5Kkai9HVx0FIu-5jcQb0UEmatEXAMPLE3ReXySpLSMj0yCd3ZAB4UcBCAqEijkytL6f3fVYNGQI6&Key-Pair-Id=K2JCJMDEHXQW5F';
		const reading = readSignedUrl(url, {now: 1_357_034_400_000 + 1000})!;
		expect(reading.scheme).toBe('cloudfront');
		expect(reading.vendor).toBe('aws-cloudfront');
		expect(reading.params).toEqual({Expires: '1357034400', Signature: '[redacted]', 'Key-Pair-Id': 'K2JCJMDEHXQW5F'});
		expect(codes(reading.findings)).toContain('signed-url.expired');
	});

	it('decodes a custom policy with start, end and IP range', () => {
		const policy = JSON.stringify({Statement: [{Resource: 'https://d111111abcdef8.cloudfront.net/game_download.zip', Condition: {IpAddress: {'AWS:SourceIp': '192.0.2.0/24'}, DateGreaterThan: {'AWS:EpochTime': 1_357_000_000}, DateLessThan: {'AWS:EpochTime': 1_357_034_400}}}]});
		const safe = Buffer.from(policy).toString('base64').replaceAll('+', '-').replaceAll('=', '_').replaceAll('/', '~');
		const url = `https://d111111abcdef8.cloudfront.net/game_download.zip?Policy=${safe}&Signature=abc~def-ghi_&Key-Pair-Id=K2JCJMDEHXQW5F`;
		const reading = readSignedUrl(url, {now: 1_356_990_000_000})!;
		expect(reading.notBefore).toBe(1_357_000_000_000);
		expect(reading.expiresAt).toBe(1_357_034_400_000);
		expect(find(reading.findings, 'signed-url.ip-restricted')?.data).toEqual({sourceIp: '192.0.2.0/24'});
		expect(codes(reading.findings)).toContain('signed-url.not-yet-valid');
		const broken = readSignedUrl(url.replace(/Policy=[^&]+/, 'Policy=bm90LWpzb24_'), {now: 0})!;
		expect(codes(broken.findings)).toContain('signed-url.malformed-policy');
	});
});

describe('Azure SAS', () => {
	// Microsoft Learn, "Create a service SAS" example.
	const url = 'https://myaccount.blob.core.windows.net/sascontainer/sasblob.txt?sv=2019-02-02&st=2019-04-29T22%3A18%3A26Z&se=2019-04-30T02%3A23%3A26Z&sr=b&sp=rw&sip=168.1.5.60-168.1.5.70&spr=https&sig=Z%2FRHIX5Xcg0Mq2rqI3OlWTjEg2tYkboXr1P9ZUXDtkk%3D';

	it('reads start, expiry, IP range and permissions', () => {
		const reading = readSignedUrl(url, {now: Date.UTC(2019, 3, 30, 1), method: 'GET'})!;
		expect(reading.scheme).toBe('azure-sas');
		expect(reading.vendor).toBe('azure-blob');
		expect(reading.notBefore).toBe(Date.UTC(2019, 3, 29, 22, 18, 26));
		expect(reading.expiresAt).toBe(Date.UTC(2019, 3, 30, 2, 23, 26));
		expect(reading.params['sig']).toBe('[redacted]');
		expect(reading.params['st']).toBe('2019-04-29T22:18:26Z');
		expect(codes(reading.findings)).toEqual(['signed-url.detected', 'signed-url.ip-restricted', 'signed-url.within-validity']);
	});

	it('notices a start a second in the future (Azure allows no leeway), plain HTTP and a missing permission', () => {
		const early = readSignedUrl(url, {now: Date.UTC(2019, 3, 29, 22, 18, 25)})!;
		expect(codes(early.findings)).toContain('signed-url.not-yet-valid');
		const http = readSignedUrl(url.replace('https://', 'http://').replace('sp=rw', 'sp=w'), {now: Date.UTC(2019, 3, 30, 1), method: 'GET'})!;
		expect(codes(http.findings)).toEqual(expect.arrayContaining(['signed-url.https-only', 'signed-url.permission-missing']));
	});

	it('reads a user delegation SAS whose key expires first', () => {
		const delegation = 'https://acct.blob.core.windows.net/c/b.txt?skoid=1a2b&sktid=3c4d&skt=2026-11-25T08%3A00%3A00Z&ske=2026-11-25T09%3A00%3A00Z&sks=b&skv=2022-11-02&sv=2022-11-02&st=2026-11-25T08%3A00%3A00Z&se=2026-11-26T08%3A00%3A00Z&sr=b&sp=r&sig=abc%3D';
		const reading = readSignedUrl(delegation, {now: Date.UTC(2026, 10, 25, 10)})!;
		expect(reading.expiresAt).toBe(Date.UTC(2026, 10, 25, 9));
		expect(codes(reading.findings)).toEqual(expect.arrayContaining(['signed-url.delegation-key-expiry', 'signed-url.expired']));
	});
});

describe('generic links', () => {
	it.each([
		// nginx docs: secure_link $arg_md5,$arg_expires.
		['https://example.com/s/link?md5=_e4Nc3iduzkWRm01TBBNYw&expires=2147483647', 'nginx-secure-link', 'md5'],
		['https://cdn.example.com/video.mp4?st=XyZabc123&e=1764072000', 'e-st', 'st'],
		['https://media.example.com/file.zip?token=9f86d081884c7d659a2feaa0c55ad015&expires=1764072000', 'token-exp', 'token'],
	])('reads %s', (url, style, secret) => {
		const reading = readSignedUrl(url, {now: Date.UTC(2025, 10, 25)})!;
		expect(reading.scheme).toBe('generic');
		expect(reading.style).toBe(style);
		expect(reading.params[secret]).toBe('[redacted]');
		expect(reading.expiresAt).toBeGreaterThan(0);
	});

	it('reads Akamai EdgeAuth tokens', () => {
		const reading = readSignedUrl('https://media.example.com/v.m3u8?hdnts=st=1764060000~exp=1764070000~acl=/*~hmac=0123abcd', {now: 1_764_080_000_000})!;
		expect(reading.style).toBe('akamai-token');
		expect(reading.expiresAt).toBe(1_764_070_000_000);
		expect(codes(reading.findings)).toContain('signed-url.expired');
	});

	it('leaves ordinary URLs alone', () => {
		for (const url of ['https://example.com/', 'https://example.com/search?q=403&page=2', 'https://example.com/?expires=soon&token=', 'not a url']) {
			expect(readSignedUrl(url, {now: 0})).toBeUndefined();
		}
	});
});

describe('robustness', () => {
	it('never throws on arbitrary URLs and query strings', () => {
		const names = fc.constantFrom('X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Goog-Date', 'sig', 'sv', 'se', 'st', 'sp', 'Policy', 'Key-Pair-Id', 'Expires', 'Signature', 'md5', 'e', 'hdnts', 'AWSAccessKeyId');
		const query = fc.array(fc.tuple(names, fc.string()), {maxLength: 8}).map(pairs => pairs.map(([name, value]) => `${name}=${value}`).join('&'));
		fc.assert(fc.property(fc.string(), query, fc.integer(), (any, search, now) => {
			for (const url of [any, `https://b.s3.amazonaws.com/k?${search}`, `http://x.cloudfront.net/?${search}`]) {
				const reading = readSignedUrl(url, {now, serverDate: now + 1000, method: 'GET'});
				expect(reading === undefined || Array.isArray(reading.findings)).toBe(true);
			}
		}));
	});
});
