import type {Finding} from '../../evidence/types.js';
import {inheritedDirective, inheritedDirectives, type RequestContext} from './context.js';
import {nginxFinding, quote, reloadStep, weight} from './findings.js';

/**
`limit_req`/`limit_conn` answer 503 by default; only with `limit_req_status 403`/`limit_conn_status 403`
do they produce a 403, and only under load, so this is a possibility, not a verdict.
*/
export function judgeLimits(context: RequestContext): Finding[] {
	const findings: Finding[] = [];
	for (const [limit, status] of [['limit_req', 'limit_req_status'], ['limit_conn', 'limit_conn_status']] as const) {
		const limits = inheritedDirectives(context, [limit]);
		const statusDirective = inheritedDirective(context, status);
		if (limits === undefined || statusDirective?.args[0] !== '403') {
			continue;
		}

		const zone = limits.directives[0]!;
		findings.push(nginxFinding({
			code: `nginx.${limit.replace('_', '-')}-403`,
			text: `${quote(zone)} rejects requests over its limit with 403 (${quote(statusDirective)}); a client that sends many requests gets 403 until the rate drops.`,
			cause: 'rate-limited',
			weight: weight.possible,
			directive: statusDirective,
			fix: [
				`Look for "limiting ${limit === 'limit_req' ? 'requests' : 'connections'}" lines in the error log for this client.`,
				`If the limit is too tight, raise the zone's rate/burst (${quote(zone)}); consider \`${status} 429;\` so clients can tell a limit from a ban.`,
				reloadStep,
			],
			data: {expectedErrorLog: limit === 'limit_req' ? 'limiting requests, excess: N by zone "…"' : 'limiting connections by zone "…"'},
		}));
	}

	return findings;
}
