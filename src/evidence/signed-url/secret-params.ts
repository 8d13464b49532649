import {splitUrl} from './query.js';

/**
Query parameter names whose values are signatures or credential secrets, in their usual spelling; match them
case-insensitively ({@link isSignatureParam}). Names that only carry public facts stay visible on purpose —
`X-Amz-Credential` (key id and scope), `X-Amz-Date`, `Expires`, `Key-Pair-Id`, `Policy`, Azure `se`/`st`/`sp`:
they are the evidence for expiry and clock-skew diagnoses.
*/
export const signatureParamNames = [
	// AWS SigV4 / SigV2, CloudFront, GCS V2 (`Signature`), GCS V4.
	'X-Amz-Signature',
	'X-Amz-Security-Token',
	'Signature',
	'X-Goog-Signature',
	'CloudFront-Signature',
	// OAuth 1.0a request signing.
	'oauth_signature',
	// Azure SAS.
	'sig',
	// nginx secure_link and other CDN token links.
	'md5',
	'token',
	'hmac',
	'hash',
	'hdnts',
	'__token__',
	// OAuth and API keys that end up in query strings.
	'access_token',
	'id_token',
	'refresh_token',
	'code',
	'client_secret',
	'api_key',
	'apikey',
	'key',
	'password',
] as const;

const secretNames = new Set<string>(signatureParamNames.map(name => name.toLowerCase()));

/** True when a query parameter of this name carries a signature or secret. */
export function isSignatureParam(name: string): boolean {
	return typeof name === 'string' && secretNames.has(name.toLowerCase());
}

/**
The secret parameter names present in a URL, spelled as in the URL. Adds names that are secret only in
context: `st` is the signature in `?st=…&e=…` links but Azure's start time in a SAS.
*/
export function secretParamNames(url: string): string[] {
	const {query} = splitUrl(url);
	const names = query.all.filter(param => isSignatureParam(param.name)).map(param => param.name);
	if (query.has('st') && query.has('e') && !query.has('sig') && !query.has('sv')) {
		names.push(query.spelling('st'));
	}

	return [...new Set(names)];
}
