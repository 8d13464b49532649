import {headerValue} from '../../evidence/headers.js';
import type {Finding} from '../../evidence/types.js';
import {passes} from '../probe-view.js';
import type {CheckDefinition} from '../types.js';
import {budgetExhausted, planVariants, sendVariants, skipped, statusText} from './send-variants.js';

/** The safe method to compare with: HEAD for GET, GET for everything else. */
const alternative = (method: string) => (method === 'GET' ? 'HEAD' : 'GET');

/** The same URL with another method: is this method forbidden where others pass? */
export const varyMethod: CheckDefinition = {
	name: 'vary-method',
	description: 'The same URL with HEAD instead of GET (or GET instead of the method sent): is the method the problem?',
	params: {},
	label(_params, context) {
		const method = context.input.method.toUpperCase();
		return `Same URL with ${alternative(method)} instead of ${method}`;
	},
	async run(_params, context, env) {
		const plan = planVariants(context);
		if ('skip' in plan) {
			return skipped(plan.skip);
		}

		const method = plan.original.method.toUpperCase();
		const other = alternative(method);
		const [record] = await sendVariants([{...plan.original, id: `method-${other.toLowerCase()}`, label: `with ${other}`, method: other, body: undefined}], env);
		if (budgetExhausted([record!])) {
			return {probes: [record!], ...skipped('skipped: request budget used up')};
		}

		const findings: Finding[] = [];
		const allow = context.facts.primary ? headerValue(context.facts.primary.headers, 'allow') : undefined;
		if (allow && !allow.toUpperCase().split(/\s*,\s*/).includes(method)) {
			findings.push({code: 'method.allow-header', text: `The response's Allow header lists ${allow}, not ${method}.`, supports: {'method-blocked': 0.6}, mark: 'fail'});
		}

		if (passes(record!)) {
			findings.push({
				code: 'variation.method.passes',
				text: `${other} on the same URL answered ${statusText(record!)} while ${method} got ${plan.originalStatus}: the method is refused, not the resource.`,
				supports: {'method-blocked': method === 'GET' ? 0.6 : 0.8},
				mark: 'fail',
				data: {probes: [record!.id]},
			});
		} else if (record!.status === plan.originalStatus) {
			findings.push({code: 'variation.method.same', text: `${other} gets the same ${statusText(record!)}: the method is not the cause.`, supports: {'method-blocked': -0.6}, mark: 'ok'});
		}

		return {findings, probes: [record!], summary: statusText(record!), mark: findings.some(finding => finding.mark === 'fail') ? 'fail' : 'ok'};
	},
};
