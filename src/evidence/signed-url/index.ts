import {isoTime} from '../clock.js';
import type {Finding} from '../types.js';
import {readAzureSas} from './azure.js';
import {readCloudFront} from './cloudfront.js';
import {readGeneric} from './generic.js';
import {judgeSignedTimes} from './judge.js';
import {splitUrl} from './query.js';
import type {SchemeFacts, SignedUrlContext, SignedUrlReading, SignedUrlScheme} from './types.js';
import {readV2} from './v2.js';
import {readV4} from './v4.js';

export type {SignedUrlContext, SignedUrlReading, SignedUrlScheme} from './types.js';
export {isSignatureParam, secretParamNames, signatureParamNames} from './secret-params.js';

const labels: Record<SignedUrlScheme, string> = {
	'aws-sigv4': 'an AWS Signature Version 4 pre-signed URL',
	'aws-sigv2': 'an AWS Signature Version 2 pre-signed URL',
	cloudfront: 'a CloudFront signed URL',
	'gcs-v4': 'a Google Cloud Storage V4 signed URL',
	'gcs-v2': 'a Google Cloud Storage V2 signed URL',
	'azure-sas': 'an Azure Storage SAS URL',
	generic: 'a signed link',
};

function detect(url: string, context: SignedUrlContext): SchemeFacts | undefined {
	const {host, protocol, query} = splitUrl(url);
	return readV4(query, host, context)
		?? readAzureSas(query, host, protocol, context)
		?? readCloudFront(query, host)
		?? readV2(query, host)
		?? readGeneric(query);
}

function summary(facts: SchemeFacts): Finding {
	const label = typeof facts.details['label'] === 'string' ? facts.details['label'] : labels[facts.scheme];
	const parts = [
		typeof facts.details['region'] === 'string' ? `region ${facts.details['region']}` : undefined,
		facts.signedAt === undefined ? undefined : `signed ${isoTime(facts.signedAt)}`,
		facts.expiresAt === undefined ? undefined : `expiring ${isoTime(facts.expiresAt)}`,
	].filter(Boolean);
	return {
		code: 'signed-url.detected',
		text: `The URL is ${label}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}.`,
		mark: 'info',
		data: {scheme: facts.scheme, style: facts.style, params: facts.params, ...facts.details},
		...(facts.vendor ? {vendor: facts.vendor} : {}),
	};
}

/**
Reads a signed or pre-signed URL — AWS SigV4/SigV2, CloudFront, GCS V4/V2, Azure SAS, nginx secure_link and
similar token links — and judges its validity window against the server's clock and the local one. Returns
undefined for a URL that carries no signature scheme. Parameter values in the result never include secrets.
Never throws.
*/
export function readSignedUrl(url: string, context: SignedUrlContext): SignedUrlReading | undefined {
	let facts: SchemeFacts | undefined;
	try {
		facts = detect(url, context);
	} catch {
		return undefined;
	}

	if (!facts) {
		return undefined;
	}

	const {notBeforeLeewayMs: _leeway, findings, ...rest} = facts;
	return {...rest, findings: [summary(facts), ...findings, ...judgeSignedTimes(facts, context)]};
}
