import type {CauseId, Role} from './cause-ids.js';
import type {FlowContext, Outcome} from '../machine/context.js';
import type {ReportStatus} from '../report/types.js';
import {fillTemplate} from './fill-template.js';
import {rankCauses, reportable} from './rank.js';

export type ConcludeParams = {
	readonly node: string;
	readonly status: ReportStatus;
	readonly causes?: readonly CauseId[];
	readonly summary: string;
};

/** The role fixes are written for: the answer to "who are you", else --role, else a visitor. */
export function roleOf(context: FlowContext): Role {
	const answer = context.answers['role'];
	return answer === 'owner' || answer === 'api' || answer === 'visitor' ? answer : (context.input.role ?? 'visitor');
}

/**
The verdict of a conclude node. A diagnosed conclusion with nothing above the reporting floor is honest
about it and becomes inconclusive; other statuses carry no causes, as the contract says.
*/
export function conclude(context: FlowContext, params: ConcludeParams): Outcome {
	const summary = fillTemplate(params.summary, context);
	const role = roleOf(context);
	if (params.status !== 'diagnosed') {
		return {status: params.status, node: params.node, summary, reason: summary, causes: [], role};
	}

	const ranked = rankCauses(context.findings);
	const causes = reportable(ranked, params.causes);
	if (causes.length === 0) {
		const closest = ranked.slice(0, 3).map(cause => `${cause.id} (${Math.round(cause.confidence * 100)}%)`);
		const reason = `No check found evidence strong enough to name a cause${closest.length > 0 ? `; the closest: ${closest.join(', ')}` : ''}.`;
		return {status: 'inconclusive', node: params.node, summary: reason, reason, causes: [], role};
	}

	return {status: 'diagnosed', node: params.node, summary, causes, role};
}
