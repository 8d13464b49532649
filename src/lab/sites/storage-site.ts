import {tinyPdf} from '../lab-files.js';
import {s3Error, s3Object, s3Time} from '../pages/s3.js';
import {amzDate, presignV4, v4ExpiresAt} from '../presign-v4.js';
import type {LabReply, LabRequest, LabRoute, LabSetting} from '../types.js';
import {under} from './match.js';

const reportKey = '/lab-reports/2026/q3-summary.pdf';
const guideKey = '/lab-docs/guides/setup-guide.pdf';

/**
A private bucket read through pre-signed URLs. Expired: S3's `AccessDenied` / "Request has expired" with
X-Amz-Expires, Expires and ServerTime (issues aws/aws-sdk-php#1333, aws/aws-sdk-js#3493; REFERENCE.md §2.4).
A signature that does not verify gets SignatureDoesNotMatch; no signature at all, plain AccessDenied.
*/
function reports(request: LabRequest): LabReply {
	const {url, now} = request;
	const query = url.searchParams;
	if (!query.has('X-Amz-Signature')) {
		return s3Error(403, 'AccessDenied', 'Access Denied', now);
	}

	const expiresAt = v4ExpiresAt(query);
	const signedAt = expiresAt === undefined ? undefined : expiresAt - Number(query.get('X-Amz-Expires')) * 1000;
	if (expiresAt === undefined || signedAt === undefined) {
		return s3Error(400, 'AuthorizationQueryParametersError', 'X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"', now);
	}

	if (now > expiresAt) {
		return s3Error(403, 'AccessDenied', 'Request has expired', now, [['X-Amz-Expires', query.get('X-Amz-Expires') ?? ''], ['Expires', s3Time(expiresAt)], ['ServerTime', s3Time(now)]]);
	}

	const expected = presignV4(url, signedAt, Number(query.get('X-Amz-Expires')));
	if (`${url.pathname}${url.search}` !== expected || amzDate(signedAt) !== query.get('X-Amz-Date')) {
		return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', now);
	}

	return url.pathname === reportKey ? s3Object('application/pdf', tinyPdf('Q3 summary'), now) : s3Error(404, 'NoSuchKey', 'The specified key does not exist.', now);
}

/**
A bucket whose policy grants s3:GetObject to everyone but not s3:ListBucket: a key that does not exist answers
403 AccessDenied, not 404 (aws/aws-cli#2041; REFERENCE.md §2.4) — so a URL with the wrong letter case is a 403.
*/
function docs(request: LabRequest): LabReply {
	return request.url.pathname === guideKey ? s3Object('application/pdf', tinyPdf('Setup guide'), request.now) : s3Error(403, 'AccessDenied', 'Access Denied', request.now);
}

/** Object storage in S3's path style: an expired pre-signed URL, a URL in the wrong case, a private object. */
export function storageRoutes(setting: LabSetting): LabRoute[] {
	// Signed two days before the lab started, valid for an hour: long expired, whatever the clock says.
	const signed = presignV4(new URL(reportKey, setting.origin), setting.startedAt - 2 * 86_400_000, 3600);
	return [
		{
			path: {
				path: signed,
				title: 'Expired pre-signed URL (S3)',
				cause: 'signed-url-expired',
				hint: 'A download link from an e-mail, signed for one hour two days ago; S3 answers "Request has expired".',
				status: 403,
				presets: {},
			},
			matches: under('/lab-reports'),
			handle: reports,
		},
		{
			path: {
				path: '/lab-docs/Guides/Setup-Guide.pdf',
				title: 'Wrong letter case in the URL (S3)',
				cause: 'wrong-url',
				hint: 'The object is guides/setup-guide.pdf; keys are case-sensitive and the bucket does not grant ListBucket, so a typo is a 403.',
				status: 403,
				presets: {},
			},
			matches: under('/lab-docs'),
			handle: docs,
		},
		{
			path: {
				path: '/lab-exports/customers-2026-11.csv',
				title: 'Private object (S3 bucket policy)',
				cause: 'object-storage-denied',
				hint: 'The export sits in a private bucket with Block Public Access on; an unsigned request gets AccessDenied.',
				status: 403,
				presets: {},
			},
			matches: under('/lab-exports'),
			handle: request => s3Error(403, 'AccessDenied', 'Access Denied', request.now),
		},
	];
}
