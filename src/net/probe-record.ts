import {decodeText} from './decode-text.js';
import type {ProbeRecord} from './probe-types.js';
import type {HopOutcome} from './send-once.js';

/** The fields of a record that come from the last answer: head, decoded body, timings. */
export function outcomeFields(outcome: HopOutcome | undefined): Partial<ProbeRecord> {
	if (!outcome?.head) {
		return outcome?.timings ? {timings: outcome.timings} : {};
	}

	const {head, body, timings} = outcome;
	const contentType = head.headers['content-type'];
	return {
		status: head.status,
		statusText: head.statusText,
		httpVersion: head.httpVersion,
		headers: head.headers,
		// A body left in a coding we cannot decode is binary noise to every reader: keep only its size.
		body: body && !outcome.undecodable ? decodeText(body.bytes, Array.isArray(contentType) ? contentType[0] : contentType) : '',
		bodyTruncated: body?.truncated ?? false,
		...(body ? {bodyBytes: body.wireBytes} : {}),
		...(timings ? {timings} : {}),
	};
}
