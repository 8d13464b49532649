import type {Finding} from '../../evidence/types.js';
import type {ProbeRequest} from '../../net/probe-types.js';
import {findHeader, withHeader} from '../original-request.js';
import {passes} from '../probe-view.js';
import type {CheckDefinition} from '../types.js';
import {budgetExhausted, planVariants, sendVariants, skipped, statusText} from './send-variants.js';

const sameOrigin = (url: string) => `${new URL(url).origin}/`;

/** Without the Referer, and with one from the site itself: is the resource hotlink-protected? */
export const varyReferer: CheckDefinition = {
	name: 'vary-referer',
	description: 'Same request without a Referer and with a same-origin one: is there hotlink protection?',
	params: {},
	label: (_params, context) => (context.input.referer ? 'Same request without the Referer, and with a same-origin one' : 'Same request with a Referer from the site itself'),
	async run(_params, context, env) {
		const plan = planVariants(context);
		if ('skip' in plan) {
			return skipped(plan.skip);
		}

		const sent = findHeader(plan.original, 'referer');
		const own = sameOrigin(plan.original.url);
		const variants: ProbeRequest[] = [];
		if (sent !== undefined) {
			variants.push({...plan.original, id: 'no-referer', label: 'without the Referer', headers: withHeader(plan.original, 'Referer', undefined)});
		}

		if (sent !== own) {
			variants.push({...plan.original, id: 'same-origin-referer', label: 'with a same-origin Referer', headers: withHeader(plan.original, 'Referer', own)});
		}

		const records = await sendVariants(variants, env);
		if (budgetExhausted(records)) {
			return {probes: records, ...skipped('skipped: request budget used up')};
		}

		const findings: Finding[] = [];
		const [first, second] = records;
		const withoutPasses = sent !== undefined && first !== undefined && passes(first);
		const ownRecord = sent !== undefined ? second : first;
		const ownPasses = ownRecord !== undefined && passes(ownRecord);
		if (withoutPasses) {
			findings.push({
				code: 'variation.no-referer.passes',
				text: `Without the Referer "${sent}" the request answered ${statusText(first!)}: that Referer is not allowed.`,
				supports: {'hotlink-protection': 0.85},
				mark: 'fail',
				data: {probes: [first!.id]},
			});
		}

		if (ownPasses) {
			findings.push({
				code: 'variation.same-origin-referer.passes',
				text: sent === undefined
					? `With a Referer from the site itself (${own}) the request answered ${statusText(ownRecord)}: requests without a Referer from the site are refused (hotlink protection).`
					: `With a Referer from the site itself (${own}) the request answered ${statusText(ownRecord)}: only the site's own pages may link here.`,
				supports: {'hotlink-protection': 0.85},
				mark: 'fail',
				data: {probes: [ownRecord.id]},
			});
		}

		if (!withoutPasses && !ownPasses && records.every(record => record.status === plan.originalStatus)) {
			findings.push({code: 'variation.referer.same', text: 'Changing the Referer did not change the answer: hotlink protection is not the cause.', supports: {'hotlink-protection': -0.5}, mark: 'ok'});
		}

		const decides = withoutPasses || ownPasses;
		return {findings, probes: records, summary: `${records.map(statusText).join(', ')}${decides ? ' — the Referer decides' : ''}`, mark: decides ? 'fail' : 'ok'};
	},
};
