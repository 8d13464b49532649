import type {Finding} from '../evidence/types.js';
import type {RankedCause} from '../machine/context.js';
import {causeIds, type CauseId} from './cause-ids.js';

/** Below this a cause is not worth naming in a report. */
export const minReportedConfidence = 0.2;

/**
Turns findings into ranked causes. Support for a cause combines like independent evidence (noisy-OR:
two 0.5 hints make 0.75, never more than 1); a negative weight removes that share of the confidence.
Ties keep the contract's table order, which runs from the outermost layer inwards.
*/
export function rankCauses(findings: readonly Finding[]): RankedCause[] {
	const ranked: RankedCause[] = [];
	for (const id of causeIds) {
		let disbelief = 1;
		let damping = 1;
		const behind: Finding[] = [];
		for (const finding of findings) {
			const weight = finding.supports?.[id];
			if (weight === undefined || weight === 0 || !Number.isFinite(weight)) {
				continue;
			}

			if (weight > 0) {
				disbelief *= 1 - Math.min(weight, 1);
				behind.push(finding);
			} else {
				damping *= 1 + Math.max(weight, -1);
			}
		}

		const confidence = Math.round((1 - disbelief) * damping * 100) / 100;
		if (confidence > 0) {
			ranked.push({id, confidence, findings: behind});
		}
	}

	return ranked.sort((a, b) => b.confidence - a.confidence || causeIds.indexOf(a.id) - causeIds.indexOf(b.id));
}

/** The causes a conclusion reports: those in scope first, then the rest as runners-up, all above the floor. */
export function reportable(ranked: readonly RankedCause[], scope?: readonly CauseId[]): RankedCause[] {
	const worth = ranked.filter(cause => cause.confidence >= minReportedConfidence);
	if (!scope) {
		return worth;
	}

	return [...worth.filter(cause => scope.includes(cause.id)), ...worth.filter(cause => !scope.includes(cause.id))];
}
