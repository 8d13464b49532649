import type {Report} from '../types.js';
import {collectSecrets} from './collect-secrets.js';
import type {Redactor} from './create-redactor.js';

/** Fields that hold ids, enums, numbers-as-text or timestamps: never secret, and must keep their exact value. */
const verbatimKeys = new Set(['schema', 'status', 'kind', 'mark', 'layer', 'vendor', 'role', 'id', 'step', 'code', 'method', 'generatedAt', 'startedAt', 'tool']);

/** The secrets a report carries in its structured fields (see Redactor.report). */
export function secretsInReport(report: Report, extraHeaderNames: ReadonlySet<string>): string[] {
	return collectSecrets({
		headers: report.probes.flatMap(probe => [probe.requestHeaders, probe.headers]),
		urls: [report.target.url, ...report.probes.map(probe => probe.url)],
		extraHeaderNames,
	});
}

/**
Walks every field, known or added later: URLs, curl commands, header maps and header pairs get their own
rules, ids and enums stay, every other string is redacted as text.
*/
export function redactReport(report: Report, redactor: Redactor): Report {
	return walk(report, undefined, redactor) as Report;
}

function walk(value: unknown, key: string | undefined, redactor: Redactor): unknown {
	if (key !== undefined && verbatimKeys.has(key)) {
		return value;
	}

	if (typeof value === 'string') {
		if (key === 'url' || key === 'redirectURL') {
			return redactor.url(value);
		}

		return key === 'curl' ? redactor.curl(value) : redactor.text(value);
	}

	if (Array.isArray(value)) {
		if (key === 'requestHeaders' && value.every(item => Array.isArray(item) && item.length === 2 && item.every(part => typeof part === 'string'))) {
			return redactor.headerPairs(value as Array<[string, string]>);
		}

		return value.map(item => walk(item, undefined, redactor));
	}

	if (value !== null && typeof value === 'object') {
		if (key === 'headers' && isHeaderMap(value)) {
			return redactor.headers(value);
		}

		return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, walk(item, name, redactor)]));
	}

	return value;
}

function isHeaderMap(value: object): value is Record<string, string | string[]> {
	return Object.values(value).every(item => typeof item === 'string' || (Array.isArray(item) && item.every(part => typeof part === 'string')));
}
