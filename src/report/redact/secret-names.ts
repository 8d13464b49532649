import {signatureParamNames} from '../../evidence/signed-url/secret-params.js';

/** What every redacted value is replaced with (CONTRACT.md). */
export const redactedMarker = '[redacted]';

/** Query parameters that carry a URL signature or a credential: the evidence readers' list, one list for both. */
export {signatureParamNames} from '../../evidence/signed-url/secret-params.js';

/** Header names whose values are always secret, besides the pattern below. Lower case. */
const secretHeaderNames = new Set([
	'authorization',
	'proxy-authorization',
	'cookie',
	'set-cookie',
	'x-api-key',
	'api-key',
	'apikey',
	'x-auth-token',
	'x-amz-security-token',
	'x-goog-api-key',
	'ocp-apim-subscription-key',
	'x-csrf-token',
	'x-xsrf-token',
	'private-token',
	'x-vault-token',
	'x-functions-key',
]);

/** Names that match the pattern but are evidence, not secrets: challenges, error codes, the :authority. */
const publicHeaderNames = new Set([
	'www-authenticate',
	'proxy-authenticate',
	':authority',
	'authority',
	'x-amz-content-sha256',
	'x-amz-signedheaders',
	'x-amz-server-side-encryption-aws-kms-key-id',
	'keep-alive',
]);

const secretHeaderPattern = /token|secret|key|passw|signature|auth|session|credential|cookie/i;

/** True when the header's value must not appear in a report. `extra` names are matched case-insensitively. */
export function isSecretHeaderName(name: string, extra: ReadonlySet<string> = new Set()): boolean {
	const lower = name.trim().toLowerCase();
	if (extra.has(lower) || secretHeaderNames.has(lower)) {
		return true;
	}

	return !publicHeaderNames.has(lower) && secretHeaderPattern.test(lower);
}

/**
Parameters that are evidence and must stay: expiry and dates, algorithm, credential scope (`AKID/date/region/
service/aws4_request` — the access key id is not a secret), key-pair id, signed-header lists, the CloudFront
policy (base64 JSON with the expiry), Azure SAS fields other than `sig`.
*/
const keepParamNames = new Set([
	'x-amz-algorithm',
	'x-amz-credential',
	'x-amz-date',
	'x-amz-expires',
	'x-amz-signedheaders',
	'x-goog-algorithm',
	'x-goog-credential',
	'x-goog-date',
	'x-goog-expires',
	'x-goog-signedheaders',
	'awsaccesskeyid',
	'googleaccessid',
	'key-pair-id',
	'cloudfront-key-pair-id',
	'policy',
	'cloudfront-policy',
	'expires',
	'cloudfront-expires',
	'hash-algorithm',
	'sv',
	'ss',
	'srt',
	'sr',
	'sp',
	'st',
	'se',
	'sip',
	'spr',
	'si',
	'skoid',
	'sktid',
	'skt',
	'ske',
	'sks',
	'skv',
	'response-content-disposition',
	'response-content-type',
	'x-id',
	'redirect_uri',
	'state',
	'token_type',
	'expires_in',
]);

const secretParamNames = new Set<string>([
	...signatureParamNames.map(name => name.toLowerCase()),
	'x-amz-security-token',
	'access_token',
	'id_token',
	'refresh_token',
	'auth_token',
	'authtoken',
	'private_token',
	'oauth_token',
	'api_key',
	'apikey',
	'api-key',
	'key',
	'code',
	'password',
	'passwd',
	'pwd',
	'pass',
	'secret',
	'client_secret',
	'jwt',
	'auth',
	'sid',
	'sessionid',
	'session_id',
	'jsessionid',
	'phpsessid',
	'otp',
]);

const secretParamPattern = /token|secret|passw|signature|api[-_]?key|session|credential/i;

/** True when a query (or form, or JSON) parameter's value must not appear in a report. */
export function isSecretParamName(name: string, extra: ReadonlySet<string> = new Set()): boolean {
	const lower = name.trim().toLowerCase();
	if (keepParamNames.has(lower)) {
		return false;
	}

	return extra.has(lower) || secretParamNames.has(lower) || secretParamPattern.test(lower);
}

/** Names that are secret in a query string but usually something else in JSON, XML or prose (`<Code>`). */
const ambiguousFieldNames = new Set(['code', 'key', 'hash', 'md5', 'auth', 'sid', 'pass', 'sig']);

/** Like `isSecretParamName`, for JSON keys, XML elements, form fields and `name=value` in prose. */
export function isSecretFieldName(name: string): boolean {
	return !ambiguousFieldNames.has(name.trim().toLowerCase()) && isSecretParamName(name);
}
