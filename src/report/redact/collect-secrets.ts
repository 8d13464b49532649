import {Buffer} from 'node:buffer';
import type {HeaderMap} from '../../evidence/types.js';
import {isSecretHeaderName, isSecretParamName, redactedMarker} from './secret-names.js';

const minimumCookieSecretLength = 8;

/** Header pairs as the request carried them, or a HeaderMap. */
export type HeaderSource = ReadonlyArray<readonly [string, string]> | HeaderMap;

/**
The secret values a request or response carries — credentials, cookie values, API keys, secret query values,
URL passwords — so the redactor can scrub them wherever else they show up (an echoing server, a body, a
curl command). Returns each value once, in first-seen order.
*/
export function collectSecrets(input: {headers?: readonly HeaderSource[]; urls?: readonly string[]; extraHeaderNames?: ReadonlySet<string>}): string[] {
	const found = new Set<string>();
	const add = (value: string | undefined) => {
		const trimmed = value?.trim().replace(/^"(.*)"$/, '$1');
		// A value redacted earlier is not a secret: re-redacting a report must change nothing.
		if (trimmed && !trimmed.includes(redactedMarker)) {
			found.add(trimmed);
		}
	};

	for (const source of input.headers ?? []) {
		for (const [name, value] of headerEntries(source)) {
			collectFromHeader(name.toLowerCase(), value, add, input.extraHeaderNames);
		}
	}

	for (const url of input.urls ?? []) {
		collectFromUrl(url, add);
	}

	return [...found];
}

function headerEntries(source: HeaderSource): Array<readonly [string, string]> {
	if (Array.isArray(source)) {
		return source as Array<readonly [string, string]>;
	}

	return Object.entries(source as HeaderMap).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map(one => [name, one] as const));
}

function collectFromHeader(name: string, value: string, add: (value: string | undefined) => void, extra?: ReadonlySet<string>): void {
	if (name === 'authorization' || name === 'proxy-authorization') {
		const match = /^\s*(\S+)\s+([\s\S]+)$/.exec(value);
		if (!match) {
			add(value);
			return;
		}

		const [, scheme = '', credentials = ''] = match;
		if (/^basic$/i.test(scheme)) {
			add(credentials);
			const decoded = Buffer.from(credentials.trim(), 'base64').toString('utf8');
			add(decoded.slice(decoded.indexOf(':') + 1));
		} else if (/signature\s*=/i.test(credentials)) {
			add(/signature\s*=\s*"?([^",\s]+)/i.exec(credentials)?.[1]);
		} else {
			add(credentials);
		}

		return;
	}

	if (name === 'cookie' || name === 'set-cookie') {
		const pairs = name === 'cookie' ? value.split(';') : [value.split(';')[0] ?? ''];
		for (const pair of pairs) {
			// Short cookie values (`theme=dark`, `lang=en-US`) are preferences, not credentials; scrubbing them
			// everywhere would blank ordinary words. Their own cookie header is redacted whatever their length.
			const cookieValue = pair.slice(pair.indexOf('=') + 1).trim();
			if (cookieValue.length >= minimumCookieSecretLength) {
				add(cookieValue);
			}
		}

		return;
	}

	if (name === 'referer' || name === 'location') {
		collectFromUrl(value, add);
		return;
	}

	if (isSecretHeaderName(name, extra)) {
		add(value);
	}
}

function collectFromUrl(url: string, add: (value: string | undefined) => void): void {
	const userinfo = /^[a-z][\w+.-]*:\/\/([^/?#@]*)@/i.exec(url)?.[1];
	if (userinfo?.includes(':')) {
		add(safeDecode(userinfo.slice(userinfo.indexOf(':') + 1)));
	}

	const queryStart = url.search(/[?#]/);
	if (queryStart === -1) {
		return;
	}

	for (const part of url.slice(queryStart + 1).split(/[&#]/)) {
		const equals = part.indexOf('=');
		if (equals > 0 && isSecretParamName(safeDecode(part.slice(0, equals)))) {
			const raw = part.slice(equals + 1);
			add(raw);
			add(safeDecode(raw));
		}
	}
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text.replaceAll('+', ' '));
	} catch {
		return text;
	}
}
