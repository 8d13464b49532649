import type {RedactContext} from './context.js';
import {isSecretHeaderName, redactedMarker} from './secret-names.js';

/** Headers whose value is a URL: signed URLs travel in Location and Referer. */
const urlHeaders = new Set(['location', 'content-location', 'referer', 'origin']);

/** Schemes whose parameters are partly evidence (credential scope, signed headers): only the signature goes. */
const signatureSchemes = /^(?:AWS4-[\w-]+|GOOG4-[\w-]+|Digest)$/i;

/**
Redacts one header value by its name: `Authorization` keeps its scheme, cookies keep their names and
attributes, URL-valued headers go through the URL rules, secret-named headers lose their value, others are
scrubbed as text. An empty value stays empty: a cleared cookie or an empty token is evidence.
*/
export function redactHeaderValue(name: string, value: string, context: RedactContext): string {
	const lead = /^[ \t]*/.exec(value)?.[0] ?? '';
	return value.trim() === '' ? value : lead + redactTrimmed(name.trim().toLowerCase(), value.slice(lead.length), context);
}

function redactTrimmed(lower: string, value: string, context: RedactContext): string {
	if (lower === 'authorization' || lower === 'proxy-authorization') {
		return redactAuthorization(value, context.keepJwtClaims);
	}

	if (lower === 'cookie') {
		return redactCookieHeader(value);
	}

	if (lower === 'set-cookie') {
		return redactSetCookie(value, context);
	}

	if (urlHeaders.has(lower)) {
		return context.url(value);
	}

	if (isSecretHeaderName(lower, context.extraHeaderNames)) {
		return redactedMarker;
	}

	return context.text(value);
}

/**
`Bearer [redacted]`; for AWS SigV4, GCS V4 and Digest, every parameter but the signature stays. With
`keepJwtClaims`, a bearer JWT keeps its header and claims (CONTRACT.md allows them; they are the evidence for
`token-expired`).
*/
export function redactAuthorization(value: string, keepJwtClaims = false): string {
	const match = /^(\s*)([!#$%&'*+.^`|~\w-]+)(\s+)([\s\S]*)$/.exec(value);
	if (!match) {
		return redactedMarker;
	}

	const [, lead = '', scheme = '', gap = '', rest = ''] = match;
	if (rest.trim() === '') {
		return value;
	}

	if (signatureSchemes.test(scheme)) {
		const redacted = rest.replace(/\b(signature|response|cnonce)(\s*=\s*)("[^"]*"|[^,\s]*)/gi, (_all, key: string, equals: string, old: string) => {
			const quoted = old.startsWith('"');
			return `${key}${equals}${quoted ? `"${redactedMarker}"` : redactedMarker}`;
		});
		return `${lead}${scheme}${gap}${redacted}`;
	}

	const jwtHead = /^(eyJ[\w-]+\.[\w-]+)\.[\w-]+\s*$/.exec(rest)?.[1];
	if (keepJwtClaims && /^bearer$/i.test(scheme) && jwtHead) {
		return `${lead}${scheme}${gap}${jwtHead}.${redactedMarker}`;
	}

	return `${lead}${scheme}${gap}${redactedMarker}`;
}

/** `a=1; b=2` → `a=[redacted]; b=[redacted]`: which cookies were sent is evidence, their values are not. */
export function redactCookieHeader(value: string): string {
	return value.split(/(;\s*)/).map((part, index) => index % 2 === 1 ? part : redactCookiePair(part)).join('');
}

function redactCookiePair(pair: string): string {
	if (pair.trim() === '') {
		return pair;
	}

	const equals = pair.indexOf('=');
	if (equals === -1) {
		return redactedMarker;
	}

	const cookieValue = pair.slice(equals + 1);
	return cookieValue.trim() === '' || cookieValue.trim() === '""' ? pair : `${pair.slice(0, equals + 1)}${redactedMarker}`;
}

/** The first pair loses its value; attributes (Path, Domain, Expires, Max-Age, flags) are evidence and stay. */
export function redactSetCookie(value: string, context: RedactContext): string {
	const semicolon = value.indexOf(';');
	const pair = semicolon === -1 ? value : value.slice(0, semicolon);
	const attributes = semicolon === -1 ? '' : value.slice(semicolon);
	return redactCookiePair(pair) + context.scrub(attributes);
}
