import {secretParamNames} from '../../evidence/signed-url/secret-params.js';
import type {RedactContext} from './context.js';
import {isSecretParamName, redactedMarker} from './secret-names.js';

/** Nested URLs inside query values (`?redirect=https%3A…%3Ftoken%3D…`) are followed this deep. */
const maximumDepth = 3;

/**
Redacts a URL as text, so everything that is evidence stays byte for byte (case, trailing slash, encoding):
the password in `user:pass@`, a token-looking bare user name, `;jsessionid=` path parameters, and the values
of secret query and fragment parameters. Parameter names and non-secret values (expiry, dates, credential
scope, key-pair id, policy) stay. Works on relative URLs and bare query strings too.
*/
export function redactUrl(url: string, context: RedactContext, depth = 0): string {
	const match = /^([a-z][\w+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#[\s\S]*)?$/i.exec(url);
	if (!match) {
		return context.scrub(url);
	}

	const [, scheme = '', authority = '', path = '', query = '', fragment = ''] = match;
	const redacted = scheme
		+ redactAuthority(authority)
		+ path.replace(/;([^;/=]+)=([^;/]*)/g, (all, name: string) => isSecretParamName(safeDecode(name)) ? `;${name}=${redactedMarker}` : all)
		+ (query ? `?${redactQuery(query.slice(1), context, depth, contextualSecrets(url))}` : '')
		+ (fragment ? `#${fragment.includes('=') ? redactQuery(fragment.slice(1), context, depth) : fragment.slice(1)}` : '');
	return context.scrub(redacted);
}

/**
`a=1&token=x` → `a=1&token=[redacted]`; values holding a URL or a query string are redacted inside. `alsoSecret`
names parameters that are secret in this URL only (`st` in `?st=…&e=…` token links, not in an Azure SAS).
*/
export function redactQuery(query: string, context: RedactContext, depth = 0, alsoSecret: ReadonlySet<string> = new Set()): string {
	return query.split('&').map(part => {
		const equals = part.indexOf('=');
		if (equals === -1) {
			return part;
		}

		const name = part.slice(0, equals);
		const value = part.slice(equals + 1);
		if (value === '') {
			return part;
		}

		const decodedName = safeDecode(name);
		if (isSecretParamName(decodedName) || alsoSecret.has(decodedName.toLowerCase())) {
			return `${name}=${redactedMarker}`;
		}

		return `${name}=${redactNestedValue(value, context, depth)}`;
	}).join('&');
}

function contextualSecrets(url: string): ReadonlySet<string> {
	return new Set(secretParamNames(url).map(name => name.toLowerCase()));
}

function redactNestedValue(value: string, context: RedactContext, depth: number): string {
	const decoded = safeDecode(value);
	if (depth >= maximumDepth || !/[=:]/.test(decoded)) {
		return value;
	}

	const inner = /^[a-z][\w+.-]*:|^\/|\?/i.test(decoded) ? redactUrl(decoded, context, depth + 1) : redactQuery(decoded, context, depth + 1);
	if (inner === decoded) {
		return value;
	}

	return encodeURIComponent(inner).replaceAll(encodeURIComponent(redactedMarker), redactedMarker);
}

function redactAuthority(authority: string): string {
	const at = authority.lastIndexOf('@');
	if (at === -1) {
		return authority;
	}

	const userinfo = authority.slice(2, at);
	const colon = userinfo.indexOf(':');
	let redacted: string;
	if (colon === -1) {
		// `https://<token>@github.com/…`: a user name that looks like a token is one.
		redacted = looksLikeToken(userinfo) ? redactedMarker : userinfo;
	} else {
		const user = userinfo.slice(0, colon);
		redacted = `${looksLikeToken(user) ? redactedMarker : user}:${userinfo.length > colon + 1 ? redactedMarker : ''}`;
	}

	return `//${redacted}${authority.slice(at)}`;
}

function looksLikeToken(text: string): boolean {
	return text.length >= 20 && /^[\w.~%-]+$/.test(text) && /\d/.test(text);
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text.replaceAll('+', ' '));
	} catch {
		return text;
	}
}
