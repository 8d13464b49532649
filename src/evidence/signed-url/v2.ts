import type {Finding} from '../types.js';
import {invalidFinding} from './common.js';
import {vendorOfHost} from './hosts.js';
import {epochTime, type Query} from './query.js';
import type {SchemeFacts} from './types.js';

type Flavour = {readonly scheme: 'aws-sigv2' | 'gcs-v2'; readonly idParam: string; readonly label: string};

const flavours: readonly Flavour[] = [
	{scheme: 'gcs-v2', idParam: 'GoogleAccessId', label: 'Google Cloud Storage V2'},
	{scheme: 'aws-sigv2', idParam: 'AWSAccessKeyId', label: 'AWS Signature Version 2'},
];

/**
Reads AWS SigV2 (`AWSAccessKeyId`, `Expires`, `Signature`) and GCS V2 (`GoogleAccessId`, …) signatures. Their
`Expires` is absolute epoch seconds, unlike V4's relative seconds.
*/
export function readV2(query: Query, host: string): SchemeFacts | undefined {
	const hostVendor = vendorOfHost(host);
	let flavour = flavours.find(({idParam}) => query.has(idParam));
	// A bare `Expires` + `Signature` on a storage host is a V2 link that lost its access id.
	if (!flavour && query.has('Signature') && query.has('Expires') && !query.has('Key-Pair-Id') && !query.has('Policy')) {
		flavour = hostVendor === 'gcs' ? flavours[0] : (hostVendor === 'aws-s3' ? flavours[1] : undefined);
	}

	if (!flavour) {
		return undefined;
	}

	const vendor = flavour.scheme === 'gcs-v2' ? 'gcs' as const : hostVendor;
	const findings: Finding[] = [];
	const missing = [flavour.idParam, 'Expires', 'Signature'].filter(name => !query.has(name));
	if (missing.includes('Signature')) {
		findings.push(invalidFinding('missing-signature', `The URL has ${flavour.label} parameters but no Signature: the link was cut short or its query string was stripped.`, 0.85, vendor));
	} else if (missing.length > 0) {
		findings.push(invalidFinding('missing-params', `The ${flavour.label} URL lacks ${missing.join(', ')}.`, 0.7, vendor));
	}

	const expiresAt = epochTime(query.get('Expires'));
	if (query.has('Expires') && expiresAt === undefined) {
		findings.push(invalidFinding('bad-expires', `Expires is "${query.get('Expires')!.slice(0, 40)}", not epoch seconds.`, 0.7, vendor));
	}

	if (flavour.scheme === 'aws-sigv2') {
		findings.push({
			code: 'signed-url.sigv2',
			text: 'The URL uses AWS Signature Version 2, which S3 regions opened since 2014 do not accept and AWS has deprecated.',
			supports: {'signed-url-invalid': 0.15},
			mark: 'info',
			fix: {owner: ['Sign with Signature Version 4 (current AWS SDKs do by default).']},
			...(vendor ? {vendor} : {}),
		} satisfies Finding);
	}

	return {
		scheme: flavour.scheme,
		...(vendor ? {vendor} : {}),
		...(expiresAt === undefined ? {} : {expiresAt}),
		params: query.pick([flavour.idParam, 'Expires', 'Signature'], ['Signature']),
		details: {signer: query.get(flavour.idParam)?.slice(0, 200)},
		findings,
	};
}
