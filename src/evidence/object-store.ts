import type {CauseId, Role} from '../diagnosis/cause-ids.js';
import {formatDuration, isoTime, parseHttpDate} from './clock.js';
import {headerValue} from './headers.js';
import {basicIsoTime} from './signed-url/query.js';
import {vendorOfHost} from './signed-url/hosts.js';
import type {Finding, ResponseView, Vendor} from './types.js';

/** Which error dialect a body speaks; S3's is also spoken by S3-compatible stores (MinIO, R2, OSS…). */
export type StoreDialect = 's3' | 'gcs' | 'azure' | 'cloudfront';

/** An object store's error, as its body (and Azure's `x-ms-error-code`) state it. */
export type ObjectStoreError = {
	readonly dialect: StoreDialect;
	/** Set when headers, host or body prove whose service answered. */
	readonly vendor?: Vendor;
	readonly code: string;
	/** Non-secret fields of the body (Message, Details, ServerTime…); never `SignatureProvided`. */
	readonly fields: Readonly<Record<string, string>>;
};

const keptFields = ['Code', 'Message', 'Details', 'AuthenticationErrorDetail', 'Expires', 'ServerTime', 'X-Amz-Expires', 'RequestTime', 'MaxAllowedSkewMilliseconds', 'RequestId', 'HostId', 'Resource', 'BucketName', 'Key', 'AWSAccessKeyId'];
// Azure-only codes; S3 has its own Authorization* codes (AuthorizationQueryParametersError), so no prefix match.
const azureCodes = /^(?:AuthenticationFailed|Authorization(?:SourceIPMismatch|ProtocolMismatch|PermissionMismatch|ServiceMismatch|ResourceTypeMismatch|Failure)|PublicAccessNotPermitted|NoAuthenticationInformation|InvalidAuthenticationInfo|KeyBasedAuthenticationNotPermitted|InsufficientAccountPermissions|AccountIsDisabled)$/;
const cloudFrontCodes = new Set(['MissingKey', 'InvalidKey', 'MalformedSignature', 'MalformedPolicy']);
const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: '\''};

function unescapeXml(text: string): string {
	return text.replaceAll(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(\w{2,4}));/gi, (whole, dec?: string, hex?: string, name?: string) => {
		const code = dec === undefined ? (hex === undefined ? undefined : Number.parseInt(hex, 16)) : Number(dec);
		if (code !== undefined) {
			return code <= 0x10_FF_FF ? String.fromCodePoint(code) : whole;
		}

		return entities[name?.toLowerCase() ?? ''] ?? whole;
	}).trim();
}

/** The leaf elements of an `<Error>` document (with or without a namespace), kept fields only. */
function xmlFields(body: string): Record<string, string> | undefined {
	// indexOf rather than one lazy regex: a body of repeated `<Error>` must not cost quadratic time.
	const text = body.slice(0, 65_536);
	const open = /<Error\b[^<>]{0,512}>/.exec(text);
	const close = open ? text.indexOf('</Error>', open.index) : -1;
	if (!open || close < 0) {
		return undefined;
	}

	const fields: Record<string, string> = {};
	for (const match of text.slice(open.index + open[0].length, close).matchAll(/<([A-Za-z][\w.-]{0,63})>([^<]{0,4096})<\/\1>/g)) {
		const [, name = '', value = ''] = match;
		if (keptFields.includes(name) && !Object.hasOwn(fields, name)) {
			fields[name] = unescapeXml(value);
		}
	}

	return fields['Code'] ? fields : undefined;
}

/** `{"error": {"code": 403 | "SomeCode", "message": "…"}}` of the GCS JSON API and Azure Data Lake. */
function jsonFields(body: string): {code: unknown; message: string} | undefined {
	if (!/^\s*\{/.test(body) || body.length > 65_536) {
		return undefined;
	}

	try {
		const parsed = JSON.parse(body) as {error?: {code?: unknown; message?: unknown}};
		const {error} = parsed;
		return error && typeof error === 'object' && typeof error.message === 'string' ? {code: error.code, message: error.message} : undefined;
	} catch {
		return undefined;
	}
}

function hostOf(url: string): string {
	try {
		return new URL(url).hostname;
	} catch {
		return '';
	}
}

/** Finds an object store's error in a response, or undefined when the body is not one. Never throws. */
export function parseObjectStoreError(view: ResponseView): ObjectStoreError | undefined {
	const headers = view.headers ?? {};
	const body = typeof view.body === 'string' ? view.body : '';
	const hostVendor = vendorOfHost(hostOf(view.url));
	const azureHeader = headerValue(headers, 'x-ms-error-code');
	const xml = xmlFields(body);
	const json = xml ? undefined : jsonFields(body);
	if (azureHeader || xml?.['AuthenticationErrorDetail'] !== undefined || azureCodes.test(xml?.['Code'] ?? '') || (typeof json?.code === 'string' && azureCodes.test(json.code))) {
		const code = azureHeader?.trim() || xml?.['Code'] || (typeof json?.code === 'string' ? json.code : '');
		return code ? {dialect: 'azure', vendor: 'azure-blob', code, fields: xml ?? {Message: json?.message ?? ''}} : undefined;
	}

	const gcsHints = hostVendor === 'gcs' || headerValue(headers, 'x-guploader-uploadid') !== undefined || /^<\?xml version='1\.0'/.test(body);
	if (json && typeof json.code === 'number' && (gcsHints || /storage\.(?:objects|buckets)\.|Google Cloud Storage/.test(json.message))) {
		return {dialect: 'gcs', vendor: 'gcs', code: String(json.code), fields: {Message: json.message}};
	}

	if (!xml) {
		return undefined;
	}

	const code = xml['Code']!;
	if (gcsHints || xml['Details'] !== undefined) {
		return {dialect: 'gcs', vendor: 'gcs', code, fields: xml};
	}

	const viaCloudFront = hostVendor === 'aws-cloudfront' || /cloudfront/i.test(`${headerValue(headers, 'x-cache') ?? ''} ${headerValue(headers, 'via') ?? ''} ${headerValue(headers, 'server') ?? ''}`) || headerValue(headers, 'x-amz-cf-id') !== undefined;
	// CloudFront's own signing errors carry no RequestId/HostId; an S3 origin's errors pass through CloudFront with them.
	if (cloudFrontCodes.has(code) || (viaCloudFront && xml['RequestId'] === undefined && xml['HostId'] === undefined && code === 'AccessDenied')) {
		return {dialect: 'cloudfront', vendor: 'aws-cloudfront', code, fields: xml};
	}

	const fromAws = hostVendor === 'aws-s3' || headerValue(headers, 'x-amz-request-id') !== undefined || /^AmazonS3$/i.test(headerValue(headers, 'server') ?? '');
	return {dialect: 's3', ...(fromAws ? {vendor: 'aws-s3' as const} : {}), code, fields: xml};
}

type Fix = Partial<Record<Role, readonly string[]>>;
const fresh: Fix = {visitor: ['Ask whoever gave you the link for a fresh one.'], api: ['Generate a new signed URL right before the request.']};
const fixes: Record<string, Fix> = {
	s3Denied: {
		owner: ['Check that the bucket policy and object ACL allow this caller; for public files, a policy granting s3:GetObject to "*" on arn:aws:s3:::<bucket>/*.', 'Check S3 Block Public Access (bucket and account): it overrides public policies and ACLs.', 'For a pre-signed URL, the signer\'s IAM user or role needs s3:GetObject on the object (and kms:Decrypt for SSE-KMS objects).', 'S3 also answers 403 for a missing key when the caller lacks s3:ListBucket: check that the key exists.'],
		visitor: ['The file is private; ask the site owner for a working link.'],
		api: ['Check the IAM policy of the credentials you sign with: s3:GetObject on the object\'s ARN, kms:Decrypt for SSE-KMS.'],
	},
	gcsDenied: {
		owner: ['Grant the principal named in the error roles/storage.objectViewer on the bucket (allUsers only for truly public files), and check public access prevention.', 'A V4 signed URL acts as its signer: that service account needs the role.'],
		visitor: ['The file is private; ask the site owner for a working link.'],
		api: ['Grant the calling (or signing) service account roles/storage.objectViewer on the bucket.'],
	},
	azureDenied: {
		owner: ['For SAS links, issue one with the permissions (sp), services and resource types the operation needs.', 'For Microsoft Entra callers, assign a data-plane role such as Storage Blob Data Reader on the account or container (management roles like Owner are not enough).'],
		visitor: ['Ask for a link that allows this operation.'],
	},
	azurePublic: {
		owner: ['Anonymous access is off for this storage account: hand out SAS links, or enable "Allow Blob anonymous access" and set the container\'s access level.'],
		visitor: ['The file is not public; ask the site owner for a link that includes an access signature.'],
	},
	clock: {
		api: ['Sync the clock of the machine that signs the request with NTP (`timedatectl set-ntp true`); S3 allows 15 minutes of skew.'],
		owner: ['Keep the signing service on NTP; sign with a start time a few minutes in the past if clocks drift.'],
		visitor: ['Set this computer\'s clock to network time, or tell the link\'s owner their clock may be off.'],
	},
	invalid: {
		visitor: ['Copy the whole link again, unchanged.'],
		api: ['Sign with the right secret for this key id, for this host and region, and send the URL and signed headers exactly as signed.'],
		owner: ['Check the signing key or secret, the region/host the request is signed for, and that nothing rewrites the URL on the way.'],
	},
};

type Verdict = {readonly code: string; readonly text: string; readonly supports: Partial<Record<CauseId, number>>; readonly fix?: Fix; readonly data?: Record<string, unknown>};

function difference(later: number | undefined, earlier: number | undefined): string {
	return later === undefined || earlier === undefined ? '' : ` (${formatDuration(later - earlier)} ${later >= earlier ? 'later' : 'earlier'})`;
}

const isoParse = (text: string | undefined) => {
	const ms = text === undefined ? Number.NaN : Date.parse(text);
	return Number.isFinite(ms) ? ms : basicIsoTime(text) ?? parseHttpDate(text);
};

function judgeS3(error: ObjectStoreError, signedRequest: boolean): Verdict | undefined {
	const {code, fields} = error;
	const message = fields['Message'] ?? '';
	const store = error.vendor === 'aws-s3' ? 'S3' : 'The S3-compatible store';
	if (code === 'AccessDenied' && /request has expired/i.test(message)) {
		const expires = isoParse(fields['Expires']);
		const server = isoParse(fields['ServerTime']);
		return {code: 'expired', text: `${store} says the pre-signed request has expired${expires === undefined ? '' : ` (at ${isoTime(expires)}; server time ${server === undefined ? 'unknown' : isoTime(server)}${difference(server, expires)})`}.`, supports: {'signed-url-expired': 0.95}, fix: fresh, data: {expires: fields['Expires'], serverTime: fields['ServerTime']}};
	}

	if (/request is not yet valid/i.test(message)) {
		return {code: 'not-yet-valid', text: `${store} says the signed request is not yet valid: it was signed by a clock that runs ahead.`, supports: {'clock-skew': 0.85, 'signed-url-expired': 0.2}, fix: fixes['clock']};
	}

	if (code === 'RequestTimeTooSkewed') {
		const request = isoParse(fields['RequestTime']);
		const server = isoParse(fields['ServerTime']);
		return {code: 'clock-skew', text: `${store} refused the request because its time differs too much from the server's${request === undefined || server === undefined ? '' : `: request ${isoTime(request)}, server ${isoTime(server)}, ${formatDuration(server - request)} apart`}.`, supports: {'clock-skew': 0.95}, fix: fixes['clock'], data: {requestTime: fields['RequestTime'], serverTime: fields['ServerTime']}};
	}

	if (/query-string authentication (?:version 4 )?requires/i.test(message) || code === 'AuthorizationQueryParametersError' || /headers present in the request which were not signed|invalid date \(should be seconds since epoch\)/i.test(message)) {
		return {code: 'query-auth-incomplete', text: `${store} says the signed URL is incomplete or malformed: "${message.slice(0, 200)}"`, supports: {'signed-url-invalid': 0.85}, fix: fixes['invalid']};
	}

	switch (code) {
		case 'SignatureDoesNotMatch': {
			return {code: 'signature-mismatch', text: `${store} computed a different signature than the request carries (SignatureDoesNotMatch): wrong secret, altered URL or headers, or another region or host.`, supports: signedRequest ? {'signed-url-invalid': 0.9} : {'signed-url-invalid': 0.6, 'token-invalid': 0.4}, fix: fixes['invalid']};
		}

		case 'InvalidAccessKeyId': {
			return {code: 'unknown-access-key', text: `${store} does not know the access key id the request was signed with (InvalidAccessKeyId): deleted, rotated, or from another account or partition.`, supports: signedRequest ? {'signed-url-invalid': 0.85} : {'token-invalid': 0.7}, fix: fixes['invalid'], data: {accessKeyId: fields['AWSAccessKeyId']}};
		}

		case 'ExpiredToken': {
			return {code: 'session-token-expired', text: `${store} says the session token the request was signed with has expired (ExpiredToken).`, supports: signedRequest ? {'signed-url-expired': 0.85} : {'token-expired': 0.85}, fix: {...fresh, owner: ['Sign with credentials that outlive the link, or refresh the role session before signing.']}};
		}

		case 'InvalidToken': {
			return {code: 'session-token-invalid', text: `${store} says the session token is malformed or invalid (InvalidToken).`, supports: signedRequest ? {'signed-url-invalid': 0.7} : {'token-invalid': 0.7}, fix: fixes['invalid']};
		}

		case 'AllAccessDisabled':
		case 'AccountProblem': {
			return {code: 'access-disabled', text: `${store} says access to this resource or account is disabled (${code}).`, supports: {'object-storage-denied': 0.9}, fix: {owner: ['Contact AWS Support about the account or bucket state.'], visitor: ['Nothing to fix on your side; tell the site owner.']}};
		}

		case 'InvalidObjectState': {
			return {code: 'archived', text: `${store} says the object is archived (InvalidObjectState) and must be restored before it can be read.`, supports: {'object-storage-denied': 0.6}, fix: {owner: ['Restore the object from S3 Glacier / Deep Archive (RestoreObject) or move it to a readable storage class.']}};
		}

		case 'AccessDenied': {
			const because = /is not authorized to perform: ([\w:*]+) on resource: "?([^"\s]+)"?(?: (because [^.]+|with an explicit deny[^.]*))?/i.exec(message);
			const detail = because ? ` The caller is not allowed ${because[1]} on ${because[2]}${because[3] ? `, ${because[3]}` : ''}.` : '';
			return {code: 'access-denied', text: `${store} denied access by policy (AccessDenied): the bucket policy, object ACL, Block Public Access, or the signer's IAM permissions do not allow this request.${detail}`, supports: {'object-storage-denied': 0.85, 'wrong-url': 0.1}, fix: fixes['s3Denied'], data: because ? {action: because[1], resource: because[2]} : {}};
		}

		default: {
			return undefined;
		}
	}
}

function judgeGcs(error: ObjectStoreError): Verdict | undefined {
	const {code, fields} = error;
	const text = `${fields['Message'] ?? ''} ${fields['Details'] ?? ''}`;
	if (code === 'ExpiredToken' || /signature expired at/i.test(text)) {
		const at = /expired at:?\s*([\d\-T:+ Z]+)/i.exec(text)?.[1]?.replaceAll(' ', '');
		return {code: 'expired', text: `Cloud Storage says the signed URL has expired${at ? ` (at ${at})` : ''}; GCS answers this with HTTP 400, not 403.`, supports: {'signed-url-expired': 0.95}, fix: fresh, data: {expiredAt: at}};
	}

	if (code === 'SignatureDoesNotMatch') {
		return {code: 'signature-mismatch', text: 'Cloud Storage computed a different signature (SignatureDoesNotMatch): wrong key, altered URL or headers, or a V2 link past its lifetime.', supports: {'signed-url-invalid': 0.9}, fix: fixes['invalid']};
	}

	if (code === 'MalformedSecurityHeader') {
		return {code: 'malformed', text: `Cloud Storage says the signature parameters are malformed: "${text.trim().slice(0, 200)}"`, supports: {'signed-url-invalid': 0.8}, fix: fixes['invalid']};
	}

	const principal = /(\S+(?:@\S+)?|Anonymous caller) does not have (storage\.[\w.]+) access/i.exec(text);
	if (code === 'AccessDenied' || code === '403' || code === '401' || principal) {
		const anonymous = principal?.[1]?.toLowerCase() === 'anonymous' || /anonymous caller/i.test(text);
		return {
			code: 'access-denied',
			text: `Cloud Storage denied access${principal ? `: ${anonymous ? 'an anonymous caller' : principal[1]} lacks ${principal[2]}` : ''}.`,
			supports: anonymous && code === '401' ? {'missing-credentials': 0.6, 'object-storage-denied': 0.6} : {'object-storage-denied': 0.9},
			fix: fixes['gcsDenied'],
			data: principal ? {principal: anonymous ? 'anonymous' : principal[1], permission: principal[2]} : {},
		};
	}

	return undefined;
}

function judgeAzure(error: ObjectStoreError, signedRequest: boolean, bearer: boolean): Verdict | undefined {
	const {code, fields} = error;
	const detail = fields['AuthenticationErrorDetail'] ?? '';
	const message = (fields['Message'] ?? '').split('\n')[0] ?? '';
	if (code === 'AuthenticationFailed') {
		const frame = /Start \[([^\]]*)\] - Expiry \[([^\]]*)\] - Current \[([^\]]*)\]/.exec(detail);
		if (frame) {
			const [start, expiry, current] = [frame[1], frame[2], frame[3]].map(value => parseHttpDate(value));
			if (current !== undefined && expiry !== undefined && current > expiry) {
				return {code: 'expired', text: `Azure Storage says the SAS expired at ${isoTime(expiry)}, ${formatDuration(current - expiry)} before the server's current time ${isoTime(current)}.`, supports: {'signed-url-expired': 0.95}, fix: fresh};
			}

			if (current !== undefined && start !== undefined && current < start) {
				return {code: 'not-yet-valid', text: `Azure Storage says the SAS only starts at ${isoTime(start)}, ${formatDuration(start - current)} after the server's current time: the signer's clock runs ahead or the start was set to "now".`, supports: {'clock-skew': 0.85, 'signed-url-expired': 0.2}, fix: {...fixes['clock'], owner: ['Set the SAS start time 15 minutes in the past (or leave it out) to absorb clock differences.']}};
			}

			return {code: 'time-frame', text: `Azure Storage says the signature is not valid in its time frame: "${detail.slice(0, 200)}"`, supports: {'signed-url-expired': 0.6, 'clock-skew': 0.3}, fix: fresh};
		}

		return {code: 'authentication-failed', text: `Azure Storage could not authenticate the request (AuthenticationFailed)${detail ? `: "${detail.slice(0, 200)}"` : ''}.`, supports: signedRequest ? {'signed-url-invalid': 0.8} : {'token-invalid': 0.6}, fix: fixes['invalid']};
	}

	const table: Record<string, Omit<Verdict, 'code'> & {code: string}> = {
		AuthorizationSourceIPMismatch: {code: 'source-ip', text: `Azure Storage refused the client's IP address for this SAS (AuthorizationSourceIPMismatch): ${message.slice(0, 200)}`, supports: {'ip-allowlist': 0.9}, fix: {owner: ['Issue the SAS for the client\'s public IP range (sip), or drop the IP restriction.'], visitor: ['Use the link from the network it was made for.']}},
		AuthorizationProtocolMismatch: {code: 'protocol', text: 'Azure Storage refused the protocol: the SAS allows HTTPS only (AuthorizationProtocolMismatch).', supports: {'signed-url-invalid': 0.7, 'wrong-url': 0.3}, fix: {visitor: ['Use the https:// form of the link.'], api: ['Call the https:// endpoint.']}},
		AuthorizationPermissionMismatch: {code: 'permission', text: `Azure Storage says the ${bearer ? 'identity lacks a data-plane role' : 'SAS lacks the permission'} for this operation (AuthorizationPermissionMismatch).`, supports: bearer ? {'insufficient-scope': 0.6, 'object-storage-denied': 0.6} : {'object-storage-denied': 0.85}, fix: fixes['azureDenied']},
		AuthorizationServiceMismatch: {code: 'service', text: 'Azure Storage says the SAS does not cover this service (AuthorizationServiceMismatch).', supports: {'signed-url-invalid': 0.6, 'object-storage-denied': 0.4}, fix: fixes['azureDenied']},
		AuthorizationResourceTypeMismatch: {code: 'resource-type', text: 'Azure Storage says the SAS does not cover this resource type (AuthorizationResourceTypeMismatch).', supports: {'signed-url-invalid': 0.6, 'object-storage-denied': 0.4}, fix: fixes['azureDenied']},
		// Also the answer of the storage firewall (network rules) to addresses it does not allow.
		AuthorizationFailure: {code: 'authorization-failure', text: 'Azure Storage says the request is not authorized (AuthorizationFailure); this is also what its firewall answers to addresses outside its network rules.', supports: {'object-storage-denied': 0.7, 'ip-allowlist': 0.4}, fix: {...fixes['azureDenied'], owner: [...(fixes['azureDenied']?.owner ?? []), 'Check the storage account\'s networking settings (firewall and virtual network rules).']}},
		PublicAccessNotPermitted: {code: 'public-access', text: 'Azure Storage says anonymous (public) access is not permitted on this storage account (PublicAccessNotPermitted).', supports: {'object-storage-denied': 0.9}, fix: fixes['azurePublic']},
		NoAuthenticationInformation: {code: 'no-credentials', text: 'Azure Storage says the request carried no authentication information (NoAuthenticationInformation).', supports: {'missing-credentials': 0.85}, fix: fixes['azurePublic']},
		InvalidAuthenticationInfo: {code: 'bad-credentials', text: `Azure Storage says the authentication information is not in the right format (InvalidAuthenticationInfo)${detail ? `: "${detail.slice(0, 200)}"` : ''}.`, supports: {'token-invalid': 0.7}, fix: fixes['invalid']},
		KeyBasedAuthenticationNotPermitted: {code: 'shared-key-disabled', text: 'Azure Storage does not accept account-key authentication here (KeyBasedAuthenticationNotPermitted), which includes SAS links signed with the account key.', supports: {'object-storage-denied': 0.8}, fix: {owner: ['Use a user delegation SAS (signed with Microsoft Entra credentials) or re-enable "Allow storage account key access".']}},
		InsufficientAccountPermissions: {code: 'account-permissions', text: 'Azure Storage says the account being accessed lacks permissions for this operation (InsufficientAccountPermissions).', supports: {'object-storage-denied': 0.7}, fix: fixes['azureDenied']},
		AccountIsDisabled: {code: 'account-disabled', text: 'Azure Storage says the storage account is disabled (AccountIsDisabled).', supports: {'object-storage-denied': 0.8}},
	};
	return table[code];
}

function judgeCloudFront(error: ObjectStoreError, signedRequest: boolean): Verdict | undefined {
	const message = error.fields['Message'] ?? '';
	switch (error.code) {
		case 'MissingKey': {
			return {code: 'missing-key', text: 'CloudFront requires a signed URL or signed cookies here and the request carried neither (MissingKey: "Missing Key-Pair-Id query parameter or cookie value").', supports: signedRequest ? {'signed-url-invalid': 0.8} : {'missing-credentials': 0.75, 'signed-url-invalid': 0.3}, fix: {visitor: ['Open the file from the page that links to it, so the site can hand you a signed link or cookies.'], api: ['Request the signed URL or cookies from the site\'s API first.'], owner: ['If the files should be public, remove "Restrict viewer access" from this cache behavior.']}};
		}

		case 'InvalidKey': {
			return {code: 'unknown-key', text: 'CloudFront does not know the Key-Pair-Id the URL was signed with (InvalidKey: "Unknown Key").', supports: {'signed-url-invalid': 0.9}, fix: {owner: ['Sign with a public key that is in the distribution\'s trusted key group, using that key\'s id as Key-Pair-Id.']}};
		}

		case 'MalformedSignature':
		case 'MalformedPolicy': {
			return {code: 'malformed', text: `CloudFront could not read the URL's ${error.code === 'MalformedPolicy' ? 'policy' : 'signature'} (${error.code}: "${message.slice(0, 100)}").`, supports: {'signed-url-invalid': 0.9}, fix: fixes['invalid']};
		}

		default: {
			return {code: 'access-denied', text: 'CloudFront refused the signed URL ("Access denied"): it has expired, its signature does not match, or its policy (IP, start time) excludes this request.', supports: {'signed-url-expired': 0.45, 'signed-url-invalid': 0.45}, fix: {...fresh, ...fixes['invalid']}};
		}
	}
}

/**
Reads object-store error bodies — S3 (and S3-compatible), GCS XML and JSON, Azure Blob (`x-ms-error-code`
and XML), CloudFront signing errors — into findings with the vendor and role fixes. Status is not checked:
GCS says "expired" with 400, Azure "public access not permitted" with 409. Never throws.
*/
export function readObjectStore(view: ResponseView): Finding[] {
	let error: ObjectStoreError | undefined;
	try {
		error = parseObjectStoreError(view);
	} catch {
		return [];
	}

	if (!error) {
		return [];
	}

	const url = typeof view.url === 'string' ? view.url : '';
	const signedRequest = /[?&](?:X-Amz-Signature|X-Amz-Credential|X-Goog-Signature|Signature|sig|Key-Pair-Id|Policy)=/i.test(url);
	const bearer = /^bearer\s/i.test(view.requestHeaders?.['authorization'] ?? '');
	const verdict = error.dialect === 's3' ? judgeS3(error, signedRequest)
		: (error.dialect === 'gcs' ? judgeGcs(error)
			: (error.dialect === 'azure' ? judgeAzure(error, signedRequest, bearer) : judgeCloudFront(error, signedRequest)));
	const data = {dialect: error.dialect, errorCode: error.code, message: error.fields['Message']?.slice(0, 500), requestId: error.fields['RequestId']};
	const vendor = error.vendor ? {vendor: error.vendor} : {};
	if (!verdict) {
		return [{code: `object-store.${error.dialect}.other`, text: `The object store answered with error ${error.code}${error.fields['Message'] ? `: "${error.fields['Message'].slice(0, 200)}"` : ''}.`, mark: 'info', data, ...vendor}];
	}

	return [{
		code: `object-store.${error.dialect}.${verdict.code}`,
		text: verdict.text,
		supports: verdict.supports,
		mark: 'fail',
		data: {...data, ...verdict.data},
		...(verdict.fix ? {fix: verdict.fix} : {}),
		...vendor,
	}];
}
