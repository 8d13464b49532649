import {createHash, createHmac} from 'node:crypto';

/**
AWS's documentation example credentials (docs.aws.amazon.com, "Signature Version 4 signing examples"). They
sign the lab's URLs for real, so the query is exactly what an SDK's presigner produces; they open nothing.
*/
const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';
const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const region = 'us-east-1';

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `20261125T101231Z` */
export function amzDate(ms: number): string {
	return new Date(ms).toISOString().replaceAll(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
A SigV4 query-string pre-signed GET URL (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html):
X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders=host, then -Signature over the canonical request
with UNSIGNED-PAYLOAD.
*/
export function presignV4(url: URL, signedAt: number, expiresSeconds: number): string {
	const date = amzDate(signedAt);
	const day = date.slice(0, 8);
	const scope = `${day}/${region}/s3/aws4_request`;
	const params: Array<[string, string]> = [
		['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
		['X-Amz-Credential', `${accessKeyId}/${scope}`],
		['X-Amz-Date', date],
		['X-Amz-Expires', String(expiresSeconds)],
		['X-Amz-SignedHeaders', 'host'],
	];
	const query = params.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
	const canonicalPath = url.pathname.split('/').map(segment => encode(decodeURIComponent(segment))).join('/');
	const canonical = ['GET', canonicalPath, query, `host:${url.host}\n`, 'host', 'UNSIGNED-PAYLOAD'].join('\n');
	const toSign = ['AWS4-HMAC-SHA256', date, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
	const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 's3'), 'aws4_request');
	return `${url.pathname}?${query}&X-Amz-Signature=${createHmac('sha256', signingKey).update(toSign).digest('hex')}`;
}

/** When a SigV4 query's validity ends (X-Amz-Date + X-Amz-Expires), or undefined when it is not one. */
export function v4ExpiresAt(query: URLSearchParams): number | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(query.get('X-Amz-Date') ?? '');
	const seconds = Number(query.get('X-Amz-Expires'));
	if (!match || !Number.isInteger(seconds)) {
		return undefined;
	}

	const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
	return Date.UTC(y, mo - 1, d, h, mi, s) + seconds * 1000;
}
