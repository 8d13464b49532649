import {Buffer} from 'node:buffer';
import type {HeaderMap} from '../../evidence/types.js';
import type {Har, HarCookie, HarEntry, HarNameValue} from '../../importers/har/har-types.js';
import type {Report, ReportProbe} from '../types.js';
import {harTimings} from './har-timings.js';

/**
The probes as a HAR 1.2 log that Chrome DevTools (Network panel → Import HAR) and other viewers open: every
required field, `-1` where a size is unknown (only a body excerpt is kept), timings per REFERENCE.md §4.
fix403's own facts go in `_fix403` custom fields. Probes that got no answer become status-0 entries, as
browsers export failed requests.
*/
export function toHar(report: Report): Har {
	const firstStart = report.probes[0] ? isoOr(report.probes[0].startedAt, report.generatedAt) : report.generatedAt;
	return {
		log: {
			version: '1.2',
			creator: {name: report.tool.name, version: report.tool.version},
			pages: [{startedDateTime: firstStart, id: 'page_1', title: report.target.url, pageTimings: {onContentLoad: -1, onLoad: -1}}],
			entries: report.probes.map(probe => toEntry(probe, report.generatedAt)),
			comment: `fix403 ${report.status}${report.causes[0] ? `: ${report.causes[0].id}` : ''}`,
			_fix403: {schema: report.schema, status: report.status, causes: report.causes.map(cause => ({id: cause.id, confidence: cause.confidence}))},
		},
	};
}

function toEntry(probe: ReportProbe, fallbackTime: string): HarEntry {
	const url = probe.url.replace(/#.*$/s, '');
	const {timings, time} = harTimings(probe.timings, probe.ms);
	const responseHeaders = pairsOf(probe.headers);
	const location = responseHeaders.find(header => header.name.toLowerCase() === 'location')?.value ?? '';
	const mimeType = responseHeaders.find(header => header.name.toLowerCase() === 'content-type')?.value ?? 'x-unknown';
	const body = probe.bodyExcerpt ?? '';
	return {
		pageref: 'page_1',
		startedDateTime: isoOr(probe.startedAt, fallbackTime),
		time,
		request: {
			method: probe.method,
			url,
			httpVersion: httpVersion(probe.httpVersion),
			cookies: requestCookies(probe.requestHeaders),
			headers: probe.requestHeaders.map(([name, value]) => ({name, value})),
			queryString: queryOf(url),
			headersSize: -1,
			bodySize: -1,
		},
		response: {
			status: probe.status,
			statusText: probe.statusText ?? '',
			httpVersion: httpVersion(probe.httpVersion),
			cookies: responseHeaders.filter(header => header.name.toLowerCase() === 'set-cookie').map(header => setCookie(header.value)),
			headers: responseHeaders,
			content: {size: Buffer.byteLength(body), mimeType, ...(body ? {text: body} : {})},
			redirectURL: location,
			headersSize: -1,
			bodySize: -1,
			...(probe.error ? {_error: probe.error.message} : {}),
		},
		cache: {},
		timings,
		_fix403: {probe: {id: probe.id, label: probe.label, curl: probe.curl, ...(probe.error ? {error: probe.error} : {})}},
	};
}

function isoOr(value: string, fallback: string): string {
	const time = Date.parse(value);
	return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

function httpVersion(version: string | undefined): string {
	if (!version) {
		return '';
	}

	return /^http\//i.test(version) ? version : `HTTP/${version}`;
}

function pairsOf(headers: HeaderMap): HarNameValue[] {
	return Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map(one => ({name, value: one})));
}

function requestCookies(headers: ReadonlyArray<readonly [string, string]>): HarCookie[] {
	return headers.filter(([name]) => name.toLowerCase() === 'cookie').flatMap(([, value]) => value.split(';')).map(pair => pair.trim()).filter(Boolean).map(pair => {
		const equals = pair.indexOf('=');
		return equals === -1 ? {name: pair, value: ''} : {name: pair.slice(0, equals), value: pair.slice(equals + 1)};
	});
}

function setCookie(header: string): HarCookie {
	const [pair = '', ...attributes] = header.split(';');
	const equals = pair.indexOf('=');
	const cookie: HarCookie = {name: (equals === -1 ? pair : pair.slice(0, equals)).trim(), value: equals === -1 ? '' : pair.slice(equals + 1).trim()};
	for (const attribute of attributes) {
		const [key = '', ...rest] = attribute.split('=');
		const value = rest.join('=').trim();
		switch (key.trim().toLowerCase()) {
			case 'path': { cookie.path = value; break; }
			case 'domain': { cookie.domain = value; break; }
			case 'expires': { const time = Date.parse(value); if (!Number.isNaN(time)) { cookie.expires = new Date(time).toISOString(); } break; }
			case 'httponly': { cookie.httpOnly = true; break; }
			case 'secure': { cookie.secure = true; break; }
			default: { break; }
		}
	}

	return cookie;
}

function queryOf(url: string): HarNameValue[] {
	const query = /\?([^#]*)/.exec(url)?.[1];
	if (!query) {
		return [];
	}

	return query.split('&').filter(Boolean).map(part => {
		const equals = part.indexOf('=');
		return {name: decode(equals === -1 ? part : part.slice(0, equals)), value: equals === -1 ? '' : decode(part.slice(equals + 1))};
	});
}

function decode(text: string): string {
	try {
		return decodeURIComponent(text.replaceAll('+', ' '));
	} catch {
		return text;
	}
}
