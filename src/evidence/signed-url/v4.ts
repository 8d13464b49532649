import {formatDuration} from '../clock.js';
import type {Finding} from '../types.js';
import {invalidFinding} from './common.js';
import {vendorOfHost} from './hosts.js';
import {basicIsoTime, integer, type Query} from './query.js';
import type {SchemeFacts, SignedUrlContext} from './types.js';

type Flavour = {
	readonly scheme: 'aws-sigv4' | 'gcs-v4';
	readonly prefix: 'X-Amz' | 'X-Goog';
	readonly algorithms: readonly string[];
	readonly terminator: string;
	readonly label: string;
};

const flavours: readonly Flavour[] = [
	{scheme: 'aws-sigv4', prefix: 'X-Amz', algorithms: ['AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256'], terminator: 'aws4_request', label: 'AWS Signature Version 4'},
	// GCS V4 (https://cloud.google.com/storage/docs/access-control/signed-urls).
	{scheme: 'gcs-v4', prefix: 'X-Goog', algorithms: ['GOOG4-RSA-SHA256', 'GOOG4-HMAC-SHA256'], terminator: 'goog4_request', label: 'Google Cloud Storage V4'},
];

const maxExpiresSeconds = 604_800;
// S3 and GCS answer "Request is not yet valid" only when the signing time is more than 15 minutes ahead.
const startLeewayMs = 15 * 60_000;
const suffixes = ['Algorithm', 'Credential', 'Date', 'Expires', 'SignedHeaders', 'Signature', 'Security-Token'];

/** Reads AWS SigV4 (`X-Amz-*`) and GCS V4 (`X-Goog-*`) query-string signatures; expiry is Date + Expires. */
export function readV4(query: Query, host: string, context: SignedUrlContext): SchemeFacts | undefined {
	const flavour = flavours.find(({prefix}) => ['Algorithm', 'Credential', 'Signature'].some(suffix => query.has(`${prefix}-${suffix}`))
		|| (query.has(`${prefix}-Date`) && query.has(`${prefix}-Expires`)));
	if (!flavour) {
		return undefined;
	}

	const name = (suffix: string) => `${flavour.prefix}-${suffix}`;
	const get = (suffix: string) => query.get(name(suffix));
	const hostVendor = vendorOfHost(host);
	// S3-style HMAC signatures also work against GCS's XML API; the host tells whose store it is.
	const vendor = hostVendor ?? (flavour.scheme === 'gcs-v4' ? 'gcs' : undefined);
	const findings: Finding[] = [];
	const invalid = (code: string, text: string, weight: number) => {
		findings.push(invalidFinding(code, text, weight, vendor));
	};

	const missing = suffixes.slice(0, 6).filter(suffix => !query.has(name(suffix)));
	if (missing.includes('Signature')) {
		invalid('missing-signature', `The URL has ${flavour.label} parameters but no ${query.spelling(name('Signature'))}: the link was cut short or its query string was stripped.`, 0.85);
	} else if (missing.length > 0) {
		invalid('missing-params', `The ${flavour.label} URL lacks ${missing.map(suffix => name(suffix)).join(', ')}.`, 0.6);
	}

	const algorithm = get('Algorithm');
	if (algorithm !== undefined && !flavour.algorithms.includes(algorithm.trim().toUpperCase())) {
		invalid('unknown-algorithm', `${name('Algorithm')} is "${algorithm.slice(0, 40)}", not one of ${flavour.algorithms.join(', ')}.`, 0.6);
	}

	const signedAt = basicIsoTime(get('Date'));
	if (get('Date') !== undefined && signedAt === undefined) {
		invalid('bad-date', `${name('Date')} is "${get('Date')!.slice(0, 40)}", not a yyyymmddThhmmssZ time.`, 0.7);
	}

	const expires = integer(get('Expires'));
	if (get('Expires') !== undefined && (expires === undefined || expires < 1)) {
		invalid('bad-expires', `${name('Expires')} is "${get('Expires')!.slice(0, 40)}", not a positive number of seconds.`, 0.7);
	} else if (expires !== undefined && expires > maxExpiresSeconds) {
		invalid('expires-too-long', `${name('Expires')} is ${expires} s, above the ${maxExpiresSeconds} s (7 days) the service accepts.`, 0.8);
	}

	const details: Record<string, unknown> = {algorithm, expiresInSeconds: expires};
	const credential = get('Credential');
	if (credential !== undefined) {
		const parts = credential.split('/');
		if (parts.length === 5 && parts[4] === flavour.terminator) {
			const [accessKey = '', date = '', region, service] = parts;
			Object.assign(details, {credentialDate: date, region, service, signer: accessKey});
			if (signedAt !== undefined && get('Date')?.slice(0, 8) !== date) {
				invalid('credential-date-mismatch', `The credential scope date ${date} differs from the signing date in ${name('Date')}; the signature cannot match.`, 0.6);
			}
		} else {
			invalid('bad-credential', `${name('Credential')} is not "<key>/<yyyymmdd>/<region>/<service>/${flavour.terminator}".`, 0.6);
		}
	}

	if (flavour.scheme === 'aws-sigv4') {
		const temporary = query.has(name('Security-Token')) || /^ASIA/.test(String(details['signer'] ?? ''));
		details['temporaryCredentials'] = temporary;
		if (temporary) {
			const age = signedAt === undefined ? undefined : context.now - signedAt;
			const old = age !== undefined && age > 3_600_000;
			findings.push({
				code: 'signed-url.temporary-credentials',
				text: `The URL was signed with temporary credentials (STS or a role session)${old ? `, ${formatDuration(age)} ago` : ''}: it stops working when that session ends, even before X-Amz-Expires runs out.`,
				...(old ? {supports: {'signed-url-expired': 0.4}} : {}),
				mark: old ? 'warn' : 'info',
				fix: {owner: ['Sign long-lived links with long-term credentials (an IAM user) or keep the link\'s lifetime within the role session\'s.']},
				...(vendor ? {vendor} : {}),
			});
		}
	} else if (typeof details['signer'] === 'string' && details['signer'].includes('@')) {
		findings.push({
			code: 'signed-url.gcs-signer',
			text: `The URL is authorised as its signer, ${details['signer']}; that account needs read access to the object.`,
			mark: 'info',
			vendor: 'gcs',
			data: {signer: details['signer']},
		});
	}

	return {
		scheme: flavour.scheme,
		...(vendor ? {vendor} : {}),
		...(signedAt === undefined ? {} : {signedAt, notBefore: signedAt}),
		...(signedAt !== undefined && expires !== undefined && expires > 0 ? {expiresAt: signedAt + (expires * 1000)} : {}),
		notBeforeLeewayMs: startLeewayMs,
		params: query.pick(suffixes.map(suffix => name(suffix)), [name('Signature'), name('Security-Token')]),
		details,
		findings,
	};
}
