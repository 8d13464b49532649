import {epochTime, type Query} from './query.js';
import type {SchemeFacts} from './types.js';

type Style = {readonly style: string; readonly expiry: readonly string[]; readonly signature: readonly string[]; readonly label: string};

// nginx secure_link (`?md5=…&expires=…`, https://nginx.org/en/docs/http/ngx_http_secure_link_module.html) and
// the CDN token links modelled on it. Detected only when both an epoch expiry and a signature are present.
const styles: readonly Style[] = [
	{style: 'nginx-secure-link', expiry: ['expires', 'expire', 'e'], signature: ['md5'], label: 'an nginx secure_link style link (md5 + expiry)'},
	{style: 'e-st', expiry: ['e'], signature: ['st'], label: 'a token link (st signature + e expiry)'},
	{style: 'token-exp', expiry: ['exp', 'expires', 'expire', 'expiry', 'e'], signature: ['token', 'sig', 'signature', 'hash', 'hmac', 'verify'], label: 'a token link (signature + expiry)'},
];

/** Akamai EdgeAuth (`hdnts` / `__token__` = `st=…~exp=…~acl=…~hmac=…`). */
function readAkamai(query: Query): SchemeFacts | undefined {
	const name = query.has('hdnts') ? 'hdnts' : (query.has('__token__') ? '__token__' : undefined);
	const value = name === undefined ? undefined : query.get(name);
	if (name === undefined || value === undefined) {
		return undefined;
	}

	const fields = new Map(value.split('~').slice(0, 20).map(part => {
		const equals = part.indexOf('=');
		return [part.slice(0, Math.max(0, equals)).toLowerCase(), part.slice(equals + 1)] as const;
	}));
	const expiresAt = epochTime(fields.get('exp'));
	const notBefore = epochTime(fields.get('st'));
	return {
		scheme: 'generic',
		style: 'akamai-token',
		...(expiresAt === undefined ? {} : {expiresAt}),
		...(notBefore === undefined ? {} : {notBefore}),
		params: {[query.spelling(name)]: '[redacted]'},
		details: {label: 'an Akamai token link', acl: fields.get('acl')?.slice(0, 200)},
		findings: fields.has('hmac') ? [] : [{code: 'signed-url.missing-signature', text: `The ${name} token has no hmac field.`, supports: {'signed-url-invalid': 0.7}, mark: 'fail'}],
	};
}

/** Reads generic expiring links: an epoch-seconds expiry parameter next to a signature parameter. */
export function readGeneric(query: Query): SchemeFacts | undefined {
	const akamai = readAkamai(query);
	if (akamai) {
		return akamai;
	}

	for (const {style, expiry, signature, label} of styles) {
		const expiryName = expiry.find(name => query.has(name) && /^\s*\d{9,13}\s*$/.test(query.get(name) ?? ''));
		const signatureName = signature.find(name => (query.get(name) ?? '') !== '');
		if (expiryName === undefined || signatureName === undefined) {
			continue;
		}

		const expiresAt = epochTime(query.get(expiryName));
		return {
			scheme: 'generic',
			style,
			...(expiresAt === undefined ? {} : {expiresAt}),
			params: query.pick([signatureName, expiryName], [signatureName]),
			details: {label, expiryParam: query.spelling(expiryName), signatureParam: query.spelling(signatureName)},
			findings: [],
		};
	}

	return undefined;
}
