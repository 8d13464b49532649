import {createHash} from 'node:crypto';
import {interpolate, type VariableLookup} from './variables.js';

export type SecureLinkValue = {
	/** `$secure_link`: `''` missing/wrong hash, `'0'` expired, `'1'` valid; undefined when it cannot be computed here. */
	readonly value: '' | '0' | '1' | undefined;
	/** `$secure_link_expires` (the expiry in the URL), when there is one. */
	readonly expires?: string;
	readonly reason: string;
};

/**
Computes `$secure_link` as ngx_http_secure_link_module does: `secure_link` gives "hash[,expires]"; the hash
must be URL-safe base64 of 16 bytes and equal the MD5 of `secure_link_md5`; a valid hash past its expiry
gives "0". When the MD5 expression uses something unknown here (usually only the secret, which is in the
config), the value is undefined but an expiry in the past is still reported.
*/
export function evaluateSecureLink(linkExpression: string, md5Expression: string | undefined, lookup: VariableLookup, now: number): SecureLinkValue {
	const link = interpolate(linkExpression, lookup);
	if (link === undefined) {
		return {value: undefined, reason: `cannot evaluate "${linkExpression}" for this request`};
	}

	const comma = link.indexOf(',');
	const hash = comma === -1 ? link : link.slice(0, comma);
	const expires = comma === -1 ? undefined : link.slice(comma + 1);
	if (expires !== undefined && !/^\d+$/.test(expires)) {
		return {value: '', expires, reason: `the expiry "${expires}" is not a number of seconds`};
	}

	if (expires !== undefined && Number(expires) <= 0) {
		return {value: '', expires, reason: 'the expiry is zero'};
	}

	const expired = expires !== undefined && Number(expires) * 1000 < now;
	if (hash === '') {
		return {value: '', expires, reason: 'the URL carries no hash'};
	}

	const decoded = decodeBase64Url(hash);
	if (hash.length > 24 || decoded?.length !== 16) {
		return {value: '', expires, reason: 'the hash is not URL-safe base64 of an MD5'};
	}

	const material = md5Expression === undefined ? undefined : interpolate(md5Expression, name => (name === 'secure_link_expires' ? expires ?? '' : lookup(name)));
	if (material === undefined) {
		return expired
			? {value: undefined, expires, reason: `the link expired at ${new Date(Number(expires) * 1000).toISOString()} (the hash could not be checked here)`}
			: {value: undefined, expires, reason: 'the hash could not be checked here'};
	}

	if (!createHash('md5').update(material).digest().equals(decoded)) {
		return {value: '', expires, reason: 'the hash does not match secure_link_md5 for this URL'};
	}

	return expired
		? {value: '0', expires, reason: `the link expired at ${new Date(Number(expires) * 1000).toISOString()}`}
		: {value: '1', expires, reason: 'the hash matches and the link has not expired'};
}

/** nginx's ngx_decode_base64url: stops at "=", rejects other characters and impossible lengths. */
function decodeBase64Url(text: string): Buffer | undefined {
	const body = text.split('=')[0]!;
	if (!/^[\w-]*$/.test(body) || body.length % 4 === 1) {
		return undefined;
	}

	return Buffer.from(body, 'base64url');
}
