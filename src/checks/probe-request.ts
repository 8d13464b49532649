import type {Finding} from '../evidence/types.js';
import {originalRequest} from './original-request.js';
import {describeOutcome, passes, probeView} from './probe-view.js';
import type {CheckDefinition} from './types.js';

const tlsRefusals = new Set(['tls-client-cert', 'tls-protocol']);

/** Sends the user's own request once and makes its answer the response under diagnosis. */
export const probeRequest: CheckDefinition = {
	name: 'probe-request',
	description: 'Send the request as the user described it (method, headers, cookie, token, referer, user agent).',
	params: {},
	label(_params, context) {
		const request = originalRequest(context);
		return request ? `${request.method} ${shortPath(request.url)} as you sent it` : 'Your request';
	},
	async run(_params, context, env) {
		const request = originalRequest(context);
		if (!request) {
			return {summary: 'skipped: no URL to send', mark: 'info', skipped: true};
		}

		const record = await env.prober.send(request, env.signal);
		const findings: Finding[] = [];
		const brokeOff = record.failure !== undefined && record.status !== undefined && (record.status < 300 || record.status >= 400);
		if (brokeOff) {
			// The answer began (status, headers, part of the body) and then went wrong: diagnose what came.
			findings.push({
				code: 'original.partial',
				text: `The answer (${record.status}) broke off: ${record.failure.message.replace(/\.$/, '')}; what arrived before is read.`,
				mark: 'warn',
				data: {failure: record.failure.code},
			});
		} else if (record.failure) {
			const refused = tlsRefusals.has(record.failure.code);
			findings.push({
				code: refused ? 'original.tls-refused' : 'original.unreachable',
				text: `The request got no HTTP answer: ${record.failure.message.replace(/\.$/, '')}.`,
				mark: 'fail',
				supports: refused ? {'tls-rejected': 0.85} : undefined,
				data: {failure: record.failure.code},
			});
			return {findings, probes: [record], facts: {failure: record.failure}, summary: describeOutcome(record), mark: 'fail'};
		}

		const ok = passes(record);
		findings.push({
			code: ok ? 'original.passes' : `original.status-${record.status}`,
			text: ok ? `Your request ${describeOutcome(record)}: it does not fail from here.` : `Your request ${describeOutcome(record)}.`,
			mark: ok ? 'ok' : 'fail',
			data: {status: record.status},
		});
		return {findings, probes: [record], facts: {primary: probeView(record)}, summary: describeOutcome(record), mark: ok ? 'ok' : 'fail'};
	},
};

export function shortPath(url: string): string {
	try {
		const parsed = new URL(url);
		const path = `${parsed.pathname}${parsed.search ? '?…' : ''}`;
		return path.length > 48 ? `${path.slice(0, 47)}…` : path;
	} catch {
		return url;
	}
}
