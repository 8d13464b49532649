import {Buffer} from 'node:buffer';
import type {HeaderMap, ResponseView} from '../../evidence/types.js';
import {redactedMarker} from '../../report/redact/secret-names.js';
import type {HarEntry, HarNameValue} from './har-types.js';

/** As much body as a live probe keeps (src/net/prober.ts bodyCap). */
export const harBodyCap = 256 * 1024;

/**
The entry as the evidence readers see a probe: lower-case headers (HTTP/2 pseudo-headers left out), the
decoded body excerpt, request headers, and when the response arrived. A bearer JWT was redacted on import to
`header.claims.[redacted]`; here it becomes `header.claims.` (an empty signature) so the JWT reader can still
judge its claims instead of calling a redacted signature malformed.
*/
export function entryView(entry: HarEntry): ResponseView {
	const requestHeaders = new Map<string, string>();
	for (const {name, value} of entry.request.headers) {
		const key = name.toLowerCase();
		if (key.startsWith(':')) {
			continue;
		}

		const shown = key === 'authorization' ? value.replace(new RegExp(`^(\\s*bearer\\s+eyJ[\\w-]+\\.[\\w-]+\\.)${escape(redactedMarker)}\\s*$`, 'i'), '$1') : value;
		const existing = requestHeaders.get(key);
		requestHeaders.set(key, existing === undefined ? shown : `${existing}${key === 'cookie' ? '; ' : ', '}${shown}`);
	}

	const started = Date.parse(entry.startedDateTime);
	return {
		url: entry.request.url,
		method: entry.request.method.toUpperCase(),
		status: entry.response.status,
		headers: headerMap(entry.response.headers),
		body: bodyText(entry),
		requestHeaders: Object.fromEntries(requestHeaders),
		...(Number.isNaN(started) ? {} : {receivedAt: started + Math.max(0, entry.time)}),
	};
}

/** Lower-case names, repeated headers as arrays, pseudo-headers left out. */
export function headerMap(headers: readonly HarNameValue[]): HeaderMap {
	const map = new Map<string, string | string[]>();
	for (const {name, value} of headers) {
		const key = name.toLowerCase();
		if (key.startsWith(':')) {
			continue;
		}

		const existing = map.get(key);
		map.set(key, existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]);
	}

	// Built from a Map so that a header named `__proto__` stays an ordinary key.
	return Object.fromEntries(map);
}

function bodyText(entry: HarEntry): string {
	const {text, encoding, mimeType} = entry.response.content;
	if (!text) {
		return '';
	}

	if (encoding !== 'base64') {
		return text.slice(0, harBodyCap);
	}

	if (mimeType !== '' && !/^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript)|image\/svg)/i.test(mimeType)) {
		return '';
	}

	return Buffer.from(text.slice(0, Math.ceil(harBodyCap / 3) * 4), 'base64').toString('utf8');
}

function escape(text: string): string {
	return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
