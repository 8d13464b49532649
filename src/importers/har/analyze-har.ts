import type {Finding, ResponseView} from '../../evidence/types.js';
import {compareEntries} from './compare-entries.js';
import {entryView} from './entry-view.js';
import type {Har} from './har-types.js';
import {createReferencePicker} from './pick-reference.js';

/** The statuses a HAR analysis looks at: refusals (403, 401), rate limits (429) and legal blocks (451). */
export const harFailureStatuses: readonly number[] = [401, 403, 429, 451];

export type HarFailure = {
	/** Index in `log.entries`. */
	readonly entryIndex: number;
	/** For the evidence readers, as if the tool had probed it. */
	readonly view: ResponseView;
	/** The comparison with a successful request to the same host, plus where the entry sits in the HAR. */
	readonly findings: readonly Finding[];
	/** Index of the successful entry it was compared with. */
	readonly comparedWith?: number;
};

export type HarAnalysis = {
	readonly entryCount: number;
	/** Failing entries in HAR order. */
	readonly failures: readonly HarFailure[];
};

/**
Finds the failing entries of a (parsed, redacted) HAR and compares each with the closest successful request to
the same host. Pure: the engine runs its evidence readers on each `view` and adds `findings`.
*/
export function analyzeHar(har: Har): HarAnalysis {
	const {entries} = har.log;
	const failures: HarFailure[] = [];
	const pickReference = createReferencePicker(entries);
	for (const [index, entry] of entries.entries()) {
		if (!harFailureStatuses.includes(entry.response.status)) {
			continue;
		}

		const located: Finding = {
			code: 'har.entry',
			text: `Entry ${index + 1} of the HAR: ${entry.request.method.toUpperCase()} ${entry.request.url} answered ${entry.response.status}${entry.response.statusText ? ` ${entry.response.statusText}` : ''}${entry.startedDateTime ? ` at ${entry.startedDateTime}` : ''}.`,
			mark: 'info',
			data: {entryIndex: index, startedDateTime: entry.startedDateTime, ...(entry.pageref ? {pageref: entry.pageref} : {})},
		};
		const reference = pickReference(index);
		const findings: Finding[] = reference ? compareEntries(entry, entries[reference.index]!, reference) : [{
			code: 'har.compare.no-success',
			text: 'No request to this host succeeded in the HAR, so there is nothing to compare the failure with.',
			mark: 'info',
		}];
		failures.push({entryIndex: index, view: entryView(entry), findings: [located, ...findings], ...(reference ? {comparedWith: reference.index} : {})});
	}

	return {entryCount: entries.length, failures};
}
