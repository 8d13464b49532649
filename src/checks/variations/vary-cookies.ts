import type {Finding} from '../../evidence/types.js';
import {findHeader, withHeader} from '../original-request.js';
import {endsAtLogin, passes} from '../probe-view.js';
import type {CheckDefinition} from '../types.js';
import {budgetExhausted, planVariants, sendVariants, skipped, statusText} from './send-variants.js';

/** Without cookies: do stale cookies cause it (client-state), or is the session gone (session-expired)? */
export const varyCookies: CheckDefinition = {
	name: 'vary-cookies',
	description: 'Same request without cookies: stale client state, or an expired session?',
	params: {},
	label: () => 'Same request without cookies',
	async run(_params, context, env) {
		const plan = planVariants(context);
		if ('skip' in plan) {
			return skipped(plan.skip);
		}

		if (findHeader(plan.original, 'cookie') === undefined) {
			return skipped('skipped: the request carried no cookies');
		}

		const [record] = await sendVariants([{...plan.original, id: 'no-cookies', label: 'without cookies', headers: withHeader(plan.original, 'Cookie', undefined)}], env);
		if (budgetExhausted([record!])) {
			return {probes: [record!], ...skipped('skipped: request budget used up')};
		}

		const findings: Finding[] = [];
		if (passes(record!)) {
			findings.push({
				code: 'variation.no-cookies.passes',
				text: `Without cookies the request answered ${statusText(record!)}: something in the cookies sent makes the server refuse.`,
				supports: {'client-state': 0.75, 'session-expired': 0.2},
				mark: 'fail',
				data: {probes: [record!.id]},
			});
		} else if (record!.status === 401 || endsAtLogin(record!)) {
			findings.push({
				code: 'variation.no-cookies.login',
				text: `Without cookies the server asks for a login (${statusText(record!)}), so it wants a session — and the session cookie sent is not accepted.`,
				supports: {'session-expired': 0.7},
				mark: 'fail',
				data: {probes: [record!.id]},
			});
		} else if (record!.status === plan.originalStatus) {
			findings.push({code: 'variation.no-cookies.same', text: 'Without cookies the answer is the same: the cookies are not what the server objects to.', supports: {'client-state': -0.4}, mark: 'ok'});
		}

		return {findings, probes: [record!], summary: statusText(record!), mark: findings.some(finding => finding.mark === 'fail') ? 'fail' : 'ok'};
	},
};
