import type {Finding} from '../../evidence/types.js';
import {findHeader, withHeader} from '../original-request.js';
import {passes} from '../probe-view.js';
import type {CheckDefinition} from '../types.js';
import {budgetExhausted, planVariants, sendVariants, skipped, statusText} from './send-variants.js';

/** Without the Authorization header: does the server look at the token at all, and how does it judge it? */
export const varyToken: CheckDefinition = {
	name: 'vary-token',
	description: 'Same request without the token (Authorization header): is the token read, and refused?',
	params: {},
	label: () => 'Same request without the token',
	async run(_params, context, env) {
		const plan = planVariants(context);
		if ('skip' in plan) {
			return skipped(plan.skip);
		}

		if (findHeader(plan.original, 'authorization') === undefined) {
			return skipped('skipped: the request carried no token');
		}

		const [record] = await sendVariants([{...plan.original, id: 'no-token', label: 'without the token', headers: withHeader(plan.original, 'Authorization', undefined)}], env);
		if (budgetExhausted([record!])) {
			return {probes: [record!], ...skipped('skipped: request budget used up')};
		}

		const findings: Finding[] = [];
		if (passes(record!)) {
			findings.push({
				code: 'variation.no-token.passes',
				text: `Without the token the request answered ${statusText(record!)}: the token sent is what gets refused (a bad or foreign token is worse than none).`,
				supports: {'token-invalid': 0.6},
				mark: 'fail',
				data: {probes: [record!.id]},
			});
		} else if (record!.status === 401) {
			findings.push({
				code: 'variation.no-token.401',
				text: `Without the token the server answers 401: it reads the token, accepts who you are, and still refuses (${plan.originalStatus}) — a permission, expiry or audience problem of that token.`,
				supports: {'insufficient-scope': 0.35, 'missing-credentials': -0.6},
				mark: 'fail',
				data: {probes: [record!.id]},
			});
		} else if (record!.status === plan.originalStatus) {
			findings.push({
				code: 'variation.no-token.same',
				text: `Without the token the answer is the same ${statusText(record!)}: the refusal does not depend on the token.`,
				// Many APIs answer a missing and a bad token alike, so this says little about the token itself.
				supports: {'token-expired': -0.15, 'token-invalid': -0.15, 'insufficient-scope': -0.3},
				mark: 'ok',
			});
		}

		return {findings, probes: [record!], summary: statusText(record!), mark: findings.some(finding => finding.mark === 'fail') ? 'fail' : 'ok'};
	},
};
