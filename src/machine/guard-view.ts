import {rankCauses} from '../diagnosis/rank.js';
import {applyBatch} from './batch.js';
import type {FlowContext, RankedCause} from './context.js';
import {isAnswer, isBatchDone} from './events.js';
import {applyAnswer} from './apply-answer.js';

/** What a guard sees: the context as it will be once the pending event is applied, and the ranking of it. */
export type GuardView = FlowContext & {readonly ranking: () => readonly RankedCause[]};

/**
Guards on an event's transitions are evaluated before that transition's actions assign the event's data,
so the view folds the pending answer or check results in first. Eventless transitions (decision nodes) see
the event that started the step, already assigned: folding is idempotent for everything guards read.
*/
export function guardView(context: FlowContext, event: {type: string}): GuardView {
	let next = context;
	if (isAnswer(event)) {
		next = applyAnswer(context, event);
	} else if (isBatchDone(event)) {
		next = applyBatch(context, event.output);
	}

	let cached: readonly RankedCause[] | undefined;
	return {
		...next,
		ranking() {
			cached ??= rankCauses(next.findings);
			return cached;
		},
	};
}
