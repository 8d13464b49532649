import type {FlowContext} from '../../machine/context.js';
import type {ProbeRecord, ProbeRequest} from '../../net/probe-types.js';
import {originalRequest} from '../original-request.js';
import type {CheckEnv, CheckResult} from '../types.js';

export type VariantPlan = {
	readonly original: ProbeRequest;
	/** Status the original got (from the live probe, a HAR or a pasted response). */
	readonly originalStatus: number;
};

/**
Why a variation cannot run, or the plan to compare against. Variations only make sense against a failing
original, with probing allowed and the target not asking us to slow down.
*/
export function planVariants(context: FlowContext): VariantPlan | {skip: string} {
	if (!context.input.probe) {
		return {skip: 'skipped: --no-probe sends nothing to the target'};
	}

	if (context.facts.rateLimited) {
		return {skip: 'skipped: the server asked us to slow down'};
	}

	const original = originalRequest(context);
	const status = context.facts.primary?.status;
	if (!original || status === undefined) {
		return {skip: 'skipped: there is no answered request to vary'};
	}

	return {original, originalStatus: status};
}

/** Sends variants side by side (the prober caps concurrency and the per-target budget). */
export async function sendVariants(requests: readonly ProbeRequest[], env: CheckEnv): Promise<ProbeRecord[]> {
	return Promise.all(
		requests.map(async request => {
			env.progress({type: 'update', key: request.id, label: `${request.method} ${request.label}`});
			return env.prober.send(request, env.signal);
		}),
	);
}

export function skipped(reason: string): CheckResult {
	return {summary: reason, mark: 'info', skipped: true};
}

/** "200 OK" or "no answer (timeout)" for the evidence sentences. */
export function statusText(record: ProbeRecord): string {
	if (record.failure) {
		return `no answer (${record.failure.code})`;
	}

	return `${record.status ?? '?'}${record.statusText ? ` ${record.statusText}` : ''}`;
}

/** The shared tail of every variation: the budget ran out before a variant could be sent. */
export function budgetExhausted(records: readonly ProbeRecord[]): boolean {
	return records.length > 0 && records.every(record => record.failure?.code === 'budget');
}
