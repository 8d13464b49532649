import {randomBytes} from 'node:crypto';
import type {LabReply} from '../types.js';
import {httpDate} from './http-date.js';

function ids(): {requestId: string; hostId: string} {
	return {requestId: randomBytes(8).toString('hex').toUpperCase(), hostId: randomBytes(57).toString('base64')};
}

function headers(requestId: string, hostId: string, now: number, contentType: string): Record<string, string> {
	return {'x-amz-request-id': requestId, 'x-amz-id-2': hostId, 'Content-Type': contentType, Date: httpDate(now), Server: 'AmazonS3'};
}

/**
An S3 REST error: `<Error><Code>…` XML with RequestId and HostId, echoed in `x-amz-request-id`/`x-amz-id-2`
(docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html; REFERENCE.md §2.4). `fields` go between Message
and RequestId, as S3 puts the details of an error there.
*/
export function s3Error(status: number, code: string, message: string, now: number, fields: ReadonlyArray<readonly [string, string]> = []): LabReply {
	const {requestId, hostId} = ids();
	const details = fields.map(([name, value]) => `<${name}>${value}</${name}>`).join('');
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${details}<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`;
	return {status, headers: headers(requestId, hostId, now, 'application/xml'), body};
}

/** An object as S3 serves it. */
export function s3Object(contentType: string, body: string | Uint8Array, now: number): LabReply {
	const {requestId, hostId} = ids();
	return {
		status: 200,
		headers: {...headers(requestId, hostId, now, contentType), 'Last-Modified': httpDate(now - 86_400_000 * 3), ETag: `"${randomBytes(16).toString('hex')}"`, 'Accept-Ranges': 'bytes'},
		body,
	};
}

/** S3's ISO 8601 timestamps in error details: `2026-11-25T10:12:31Z`. */
export function s3Time(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}
