import type {Finding} from '../types.js';
import {invalidFinding, ipRestrictedFinding} from './common.js';
import {epochTime, type Query} from './query.js';
import type {SchemeFacts} from './types.js';

const vendor = 'aws-cloudfront' as const;

/** CloudFront's URL-safe base64 (`-`→`+`, `_`→`=`, `~`→`/`), as its docs define it. */
function decodePolicy(text: string): Record<string, unknown> | undefined {
	const base64 = text.replaceAll('-', '+').replaceAll('_', '=').replaceAll('~', '/').replaceAll(' ', '+');
	if (text.length > 8192 || !/^[A-Za-z\d+/=]+$/.test(base64)) {
		return undefined;
	}

	try {
		const parsed: unknown = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : undefined;
	} catch {
		return undefined;
	}
}

function field(value: unknown, ...path: string[]): unknown {
	let current = value;
	for (const key of path) {
		if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
			return undefined;
		}

		current = (current as Record<string, unknown>)[key];
	}

	return current;
}

/** `AWS:EpochTime` may be a number or a numeric string. */
function epochOf(value: unknown): number | undefined {
	return typeof value === 'number' || typeof value === 'string' ? epochTime(String(value)) : undefined;
}

/**
Reads CloudFront signed URLs: canned policy (`Expires`, `Signature`, `Key-Pair-Id`) or custom policy (`Policy`
with `DateLessThan`, optional `DateGreaterThan` and `IpAddress`).
*/
export function readCloudFront(query: Query, host: string): SchemeFacts | undefined {
	const onCloudFront = host.endsWith('.cloudfront.net');
	if (!query.has('Key-Pair-Id') && !(query.has('Policy') && query.has('Signature')) && !(onCloudFront && query.has('Signature') && query.has('Expires'))) {
		return undefined;
	}

	const findings: Finding[] = [];
	if (!query.has('Signature')) {
		findings.push(invalidFinding('missing-signature', 'The CloudFront signed URL has no Signature parameter: the link was cut short or its query string was stripped.', 0.85, vendor));
	}

	if (!query.has('Key-Pair-Id')) {
		findings.push(invalidFinding('missing-key-pair-id', 'The CloudFront signed URL has no Key-Pair-Id parameter.', 0.8, vendor));
	}

	if (!query.has('Expires') && !query.has('Policy')) {
		findings.push(invalidFinding('missing-policy', 'The CloudFront signed URL has neither Expires (canned policy) nor Policy (custom policy).', 0.8, vendor));
	}

	let expiresAt = epochTime(query.get('Expires'));
	let notBefore: number | undefined;
	const details: Record<string, unknown> = {keyPairId: query.get('Key-Pair-Id')?.slice(0, 100), policy: query.has('Policy') ? 'custom' : 'canned'};
	const policyText = query.get('Policy');
	if (policyText !== undefined) {
		const policy = decodePolicy(policyText);
		const statement = field(policy, 'Statement', '0');
		if (statement === undefined) {
			findings.push(invalidFinding('malformed-policy', 'The CloudFront Policy parameter is not URL-safe base64 of a JSON policy with a Statement.', 0.8, vendor));
		} else {
			expiresAt = epochOf(field(statement, 'Condition', 'DateLessThan', 'AWS:EpochTime'));
			notBefore = epochOf(field(statement, 'Condition', 'DateGreaterThan', 'AWS:EpochTime'));
			const resource = field(statement, 'Resource');
			details['resource'] = typeof resource === 'string' ? resource.slice(0, 500) : undefined;
			if (expiresAt === undefined) {
				findings.push(invalidFinding('policy-without-expiry', 'The CloudFront policy has no DateLessThan, which CloudFront requires.', 0.7, vendor));
			}

			const sourceIp = field(statement, 'Condition', 'IpAddress', 'AWS:SourceIp');
			if (typeof sourceIp === 'string') {
				details['sourceIp'] = sourceIp.slice(0, 100);
				findings.push(ipRestrictedFinding(sourceIp, vendor));
			}
		}
	} else if (query.has('Expires') && expiresAt === undefined) {
		findings.push(invalidFinding('bad-expires', `Expires is "${query.get('Expires')!.slice(0, 40)}", not epoch seconds.`, 0.7, vendor));
	}

	return {
		scheme: 'cloudfront',
		vendor,
		...(expiresAt === undefined ? {} : {expiresAt}),
		...(notBefore === undefined ? {} : {notBefore}),
		params: query.pick(['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm'], ['Signature']),
		details,
		findings,
	};
}
