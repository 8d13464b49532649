import {browserUserAgent} from '../../net/browser-user-agent.js';
import type {Finding} from '../../evidence/types.js';
import {findHeader, withHeader} from '../original-request.js';
import {passes} from '../probe-view.js';
import type {CheckDefinition} from '../types.js';
import {budgetExhausted, planVariants, sendVariants, skipped, statusText} from './send-variants.js';

const browserLike = /Mozilla\/5\.0 .*(Chrome|Firefox|Safari|Edg)\//;

/** Sends the request with a current browser User-Agent (or, if the user's was a browser's, with the tool's own). */
export const varyUserAgent: CheckDefinition = {
	name: 'vary-user-agent',
	description: 'Same request with a browser User-Agent instead of a tool\'s (or the reverse): does the user agent decide?',
	params: {},
	label(_params, context) {
		const ua = context.input.userAgent;
		return ua && browserLike.test(ua) ? 'Same request with the tool\'s own User-Agent' : 'Same request with a browser User-Agent';
	},
	async run(_params, context, env) {
		const plan = planVariants(context);
		if ('skip' in plan) {
			return skipped(plan.skip);
		}

		const sentUa = findHeader(plan.original, 'user-agent');
		const asBrowser = !(sentUa && browserLike.test(sentUa));
		const [record] = await sendVariants(
			[
				{
					...plan.original,
					id: asBrowser ? 'browser-ua' : 'tool-ua',
					label: asBrowser ? 'with a browser User-Agent' : 'with the tool\'s own User-Agent',
					headers: withHeader(plan.original, 'User-Agent', asBrowser ? browserUserAgent : undefined),
				},
			],
			env,
		);
		if (budgetExhausted([record!])) {
			return {probes: [record!], ...skipped('skipped: request budget used up')};
		}

		const findings: Finding[] = [];
		const ok = passes(record!);
		if (ok) {
			findings.push({
				code: asBrowser ? 'variation.browser-ua.passes' : 'variation.tool-ua.passes',
				text: asBrowser
					? `With a browser User-Agent the same request answered ${statusText(record!)}, while ${sentUa ? `"${sentUa.slice(0, 60)}"` : 'a tool\'s User-Agent'} got ${plan.originalStatus}: the block depends on the user agent.`
					: `With the tool's own User-Agent the request answered ${statusText(record!)}, while the browser User-Agent got ${plan.originalStatus}: a user-agent rule decides.`,
				supports: {'bot-block': asBrowser ? 0.85 : 0.6},
				mark: 'fail',
				data: {status: record!.status, probes: [record!.id]},
			});
		} else if (record!.status === plan.originalStatus) {
			findings.push({
				code: 'variation.user-agent.same',
				text: `A ${asBrowser ? 'browser' : 'tool'} User-Agent got the same ${statusText(record!)}: the user agent string alone is not the cause.`,
				supports: {'bot-block': -0.3},
				mark: 'ok',
			});
		}

		return {findings, probes: [record!], summary: `${statusText(record!)}${ok ? ' — the user agent decides' : ''}`, mark: ok ? 'fail' : 'ok'};
	},
};
