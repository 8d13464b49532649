import {describe, expect, it} from 'vitest';
import {presignV4, v4ExpiresAt} from '../../src/lab/presign-v4.js';

describe('presignV4', () => {
	it('reproduces the pre-signed URL of AWS\'s SigV4 query-string documentation', () => {
		// docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html, "An example": GET test.txt from
		// examplebucket, signed 2013-05-24T00:00:00Z for 86400 s with the documentation's example key.
		const signed = presignV4(new URL('https://examplebucket.s3.amazonaws.com/test.txt'), Date.UTC(2013, 4, 24), 86_400);
		expect(signed).toBe('/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
	});

	it('reads the end of validity back from the query', () => {
		const signed = new URL(presignV4(new URL('http://127.0.0.1:9/b/k.pdf'), Date.UTC(2026, 10, 23, 10, 15), 3600), 'http://127.0.0.1:9');
		expect(v4ExpiresAt(signed.searchParams)).toBe(Date.UTC(2026, 10, 23, 11, 15));
		expect(v4ExpiresAt(new URLSearchParams('X-Amz-Date=yesterday&X-Amz-Expires=60'))).toBeUndefined();
	});
});
