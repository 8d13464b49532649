import type {Finding} from '../evidence/types.js';
import type {FlowContext} from '../machine/context.js';
import {catalogue} from './catalogue.js';
import type {CauseId} from './cause-ids.js';

/** What a finished run left behind that "check again" compares: the verdict, the response, the findings. */
export type RunResult = Pick<FlowContext, 'outcome' | 'facts' | 'findings'>;

/**
- `gone`: the request no longer fails (the flow concluded not-reproduced, or the response is not an error);
- `still-failing`: it fails again and the same cause comes first;
- `changed`: it fails again but for another reason (or no longer for a reason the checks can name);
- `unknown`: the second run got no HTTP answer, so nothing can be said.
*/
export type RecheckVerdict = 'gone' | 'still-failing' | 'changed' | 'unknown';

/** The difference "check again" reports after the user applied a fix. */
export type OutcomeComparison = {
	readonly verdict: RecheckVerdict;
	/** One sentence for the user, built from the verdict and the statuses. */
	readonly headline: string;
	readonly statusBefore?: number;
	readonly statusAfter?: number;
	/** Evidence behind the earlier verdict that the second run observed again (its current wording). */
	readonly stillStands: readonly string[];
	/** Evidence behind the earlier verdict that the second run no longer observed. */
	readonly cleared: readonly string[];
	/** Causes named both times, named only before, named only now. */
	readonly remainingCauses: readonly CauseId[];
	readonly resolvedCauses: readonly CauseId[];
	readonly newCauses: readonly CauseId[];
};

/**
Compares the run before a fix with the run after it. Findings are matched by their stable `code`, not their
text, because texts carry numbers (times, counts) that change between runs. Findings that come from the
user's answers (`answer.<question>.<value>`, see machine/apply-answer.ts) are left out: "check again" reuses the
answers, so they would always "still stand" and say nothing about the fix.
*/
export function compareOutcomes(before: RunResult, after: RunResult): OutcomeComparison {
	const statusBefore = before.facts.primary?.status;
	const statusAfter = after.facts.primary?.status;
	const causesBefore = (before.outcome?.causes ?? []).map(cause => cause.id);
	const causesAfter = (after.outcome?.causes ?? []).map(cause => cause.id);
	const behindBefore = observed(before.outcome?.causes.flatMap(cause => cause.findings) ?? []);
	const seenAfter = new Map(observed(after.findings).map(finding => [finding.code, finding.text]));
	const stillStands = unique(behindBefore.flatMap(finding => seenAfter.get(finding.code) ?? []));
	const cleared = unique(behindBefore.filter(finding => !seenAfter.has(finding.code)).map(finding => finding.text));
	const verdict = judge(after, statusAfter, causesBefore[0], causesAfter[0]);
	return {
		verdict,
		headline: headline(verdict, statusAfter, causesAfter[0], after.outcome?.reason),
		...(statusBefore === undefined ? {} : {statusBefore}),
		...(statusAfter === undefined ? {} : {statusAfter}),
		stillStands,
		cleared,
		remainingCauses: causesBefore.filter(id => causesAfter.includes(id)),
		resolvedCauses: causesBefore.filter(id => !causesAfter.includes(id)),
		newCauses: causesAfter.filter(id => !causesBefore.includes(id)),
	};
}

function judge(after: RunResult, statusAfter: number | undefined, topBefore: CauseId | undefined, topAfter: CauseId | undefined): RecheckVerdict {
	const status = after.outcome?.status;
	if (status === 'not-reproduced' || (statusAfter !== undefined && statusAfter < 400)) {
		return 'gone';
	}

	if (status === 'unreachable' || (statusAfter === undefined && after.facts.failure !== undefined)) {
		return 'unknown';
	}

	return topAfter === topBefore ? 'still-failing' : 'changed';
}

function headline(verdict: RecheckVerdict, status: number | undefined, top: CauseId | undefined, reason: string | undefined): string {
	const answered = status === undefined ? '' : ` (it answered ${status})`;
	switch (verdict) {
		case 'gone': {
			return `The 403 is gone: the request works now${answered}.`;
		}

		case 'unknown': {
			return `The request got no answer this time, so the fix cannot be judged${reason ? `: ${reason}` : '.'}`;
		}

		case 'still-failing': {
			return top ? `It still fails${answered}, for the same reason: ${catalogue[top].title}.` : `It still fails${answered}, and still for no cause the checks can name.`;
		}

		case 'changed': {
			return top ? `It still fails${answered}, but for another reason now: ${catalogue[top].title}.` : `It still fails${answered}, but the earlier evidence no longer explains it.`;
		}
	}
}

function observed(findings: readonly Finding[]): Finding[] {
	return findings.filter(finding => !finding.code.startsWith('answer.'));
}

const unique = (items: readonly string[]) => [...new Set(items)];
