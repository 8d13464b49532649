import {causeLayers, type Role} from '../diagnosis/cause-ids.js';
import {catalogue} from '../diagnosis/catalogue.js';
import type {Vendor} from '../evidence/types.js';
import type {FlowContext, RankedCause} from '../machine/context.js';
import type {ProbeRecord} from '../net/probe-types.js';
import {toCurl} from '../net/to-curl.js';
import {version} from '../version.js';
import {reportSchemaId, type Report, type ReportCause, type ReportProbe} from './types.js';

/**
The contract's report from a finished session's context. Not yet redacted: callers pass it through the
redactor before it leaves the process (see `finishReport`).
*/
export function buildReport(context: FlowContext, options: {insecure?: boolean; now?: number} = {}): Report {
	const outcome = context.outcome;
	const role: Role = outcome?.role ?? context.input.role ?? 'visitor';
	const url = context.input.url ?? context.answers['url'] ?? context.facts.request?.url ?? context.facts.primary?.url ?? '';
	const method = context.facts.primary?.method ?? context.input.method;
	return {
		schema: reportSchemaId,
		target: {url, method},
		status: outcome?.status ?? 'inconclusive',
		...(outcome?.reason === undefined ? {} : {reason: outcome.reason}),
		...(outcome === undefined ? {} : {summary: outcome.summary}),
		role,
		causes: (outcome?.causes ?? []).map(cause => reportCause(cause, role, context.facts.vendor, context.probes)),
		probes: context.probes.map(record => reportProbe(record, options.insecure ?? false)),
		transcript: context.transcript,
		generatedAt: new Date(options.now ?? Date.now()).toISOString(),
		tool: {name: 'fix403', version},
	};
}

function reportCause(ranked: RankedCause, role: Role, edgeVendor: Vendor | undefined, probes: readonly ProbeRecord[]): ReportCause {
	const entry = catalogue[ranked.id];
	const findings = [...ranked.findings].sort((a, b) => (b.supports?.[ranked.id] ?? 0) - (a.supports?.[ranked.id] ?? 0));
	const vendor = findings.find(finding => finding.vendor)?.vendor ?? (causeLayers[ranked.id] === 'cdn-waf' ? edgeVendor : undefined);
	const specific = findings.flatMap(finding => finding.fix?.[role] ?? []);
	const locations = findings.flatMap(finding => (finding.location ? [finding.location] : []));
	const shown = findings.flatMap(finding => (Array.isArray(finding.data?.['probes']) ? (finding.data['probes'] as string[]) : []));
	const reproduce = unique([...(shown.length > 0 && probes.some(probe => probe.id === 'original') ? ['original'] : []), ...shown]);
	return {
		id: ranked.id,
		title: entry.title,
		layer: causeLayers[ranked.id],
		confidence: ranked.confidence,
		...(vendor ? {vendor} : {}),
		evidence: unique(findings.map(finding => finding.text)),
		fix: unique([...specific, ...entry.fix[role]]),
		...(locations.length > 0 ? {locations: uniqueBy(locations, location => `${location.file}:${location.line ?? ''}`)} : {}),
		...(reproduce.length > 0 ? {probes: reproduce} : {}),
	};
}

export function reportProbe(record: ProbeRecord, insecure: boolean): ReportProbe {
	return {
		id: record.id,
		label: record.label,
		method: record.method,
		url: record.url,
		curl: record.curl || toCurl({method: record.method, url: record.url, headers: record.requestHeaders}, {insecure}),
		status: record.status ?? 0,
		...(record.statusText === undefined ? {} : {statusText: record.statusText}),
		...(record.httpVersion === undefined ? {} : {httpVersion: record.httpVersion}),
		headers: record.headers,
		requestHeaders: record.requestHeaders,
		ms: Math.round(record.ms),
		startedAt: new Date(record.startedAt).toISOString(),
		...(record.body ? {bodyExcerpt: record.body.slice(0, 4096)} : {}),
		...(record.timings ? {timings: record.timings} : {}),
		...(record.failure ? {error: {code: record.failure.code, message: record.failure.message}} : {}),
	};
}

const unique = (items: readonly string[]) => [...new Set(items)];

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
	const seen = new Set<string>();
	return items.filter(item => {
		const id = key(item);
		if (seen.has(id)) {
			return false;
		}

		seen.add(id);
		return true;
	});
}

