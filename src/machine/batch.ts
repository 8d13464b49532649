import type {CheckRef} from '../flow/types.js';
import type {Finding, FindingMark} from '../evidence/types.js';
import type {ProbeRecord} from '../net/probe-types.js';
import type {TranscriptEntry} from '../report/types.js';
import type {Facts, FlowContext} from './context.js';

/** What a run node hands to the check runner. */
export type BatchInput = {
	readonly step: string;
	readonly title: string;
	readonly checks: readonly CheckRef[];
	readonly context: FlowContext;
};

export type CheckOutcome = {
	readonly check: string;
	readonly label: string;
	readonly summary: string;
	readonly mark: FindingMark;
	readonly skipped: boolean;
	readonly detail?: string;
	readonly findings: readonly Finding[];
	readonly probes: readonly ProbeRecord[];
	readonly facts: Partial<Facts>;
};

/** What a run node's checks produced, in the order the flow lists them. */
export type BatchOutput = {
	readonly step: string;
	readonly results: readonly CheckOutcome[];
};

/**
Folds a batch into the context. Guards call it on the pending event (before XState assigns), actions call it
to assign, so both see exactly the same facts.
*/
export function applyBatch(context: FlowContext, output: BatchOutput): FlowContext {
	let {findings, probes, facts, transcript} = context;
	const entries: TranscriptEntry[] = [];
	for (const result of output.results) {
		entries.push({kind: 'check', text: `${result.label} — ${result.summary}`, step: output.step, mark: result.mark});
		if (result.detail) {
			entries.push({kind: 'finding', text: result.detail, step: output.step, mark: 'info'});
		}

		for (const finding of result.findings) {
			if (finding.supports || finding.mark === 'fail' || finding.mark === 'warn') {
				entries.push({kind: 'finding', text: finding.text, step: output.step, mark: finding.mark ?? 'info'});
			}
		}

		findings = [...findings, ...dedupe(findings, result.findings)];
		probes = [...probes, ...result.probes];
		facts = {...facts, ...result.facts};
	}

	return {...context, findings, probes, facts, transcript: [...transcript, ...entries]};
}

/** A check that runs again (e.g. "check again") must not count the same observation twice. */
function dedupe(existing: readonly Finding[], incoming: readonly Finding[]): Finding[] {
	const seen = new Set(existing.map(finding => `${finding.code}\u0000${finding.text}`));
	return incoming.filter(finding => {
		const key = `${finding.code}\u0000${finding.text}`;
		if (seen.has(key)) {
			return false;
		}

		seen.add(key);
		return true;
	});
}
