import type {CauseId, Role} from '../diagnosis/cause-ids.js';
import type {SessionInput} from '../engine/session-input.js';
import type {Finding, ResponseView, Vendor} from '../evidence/types.js';
import type {ProbeFailure, ProbeRecord} from '../net/probe-types.js';
import type {ReportStatus, TranscriptEntry} from '../report/types.js';

/** Where the response under diagnosis came from. */
export type EvidenceSource = 'probe' | 'har' | 'paste';

/** The response the diagnosis is about: the user's own request, a HAR entry, or a pasted response. */
export type PrimaryResponse = ResponseView & {readonly source: EvidenceSource; readonly probeId?: string};

/** Facts that checks establish and later checks and guards read. */
export type Facts = {
	readonly primary?: PrimaryResponse;
	/** Why the user's own request got no HTTP answer. */
	readonly failure?: ProbeFailure;
	readonly vendor?: Vendor;
	/** The file on disk the URL maps to (owner checks). */
	readonly mappedPath?: string;
	readonly webUser?: string;
	/** Where the web server hands this URL to PHP-FPM (nginx `fastcgi_pass`, Apache `SetHandler proxy:…`). */
	readonly fastcgiPass?: string;
	/** Secret values learned during the session (a pasted exchange's cookies and tokens): always redacted. */
	readonly learnedSecrets?: readonly string[];
	/** The target asked us to slow down (429, Retry-After, a rate-limit page): send nothing more. */
	readonly rateLimited?: boolean;
	/** Request details learned from a HAR or a pasted "Copy as cURL", when the command line gave none. */
	readonly request?: {readonly method: string; readonly url: string; readonly headers: ReadonlyArray<readonly [string, string]>};
};

/** One cause with its confidence and the findings behind it, most likely first. */
export type RankedCause = {
	readonly id: CauseId;
	readonly confidence: number;
	readonly findings: readonly Finding[];
};

export type Outcome = {
	readonly status: ReportStatus;
	readonly node: string;
	readonly summary: string;
	readonly reason?: string;
	readonly causes: readonly RankedCause[];
	readonly role: Role;
};

export type FlowContext = {
	readonly input: SessionInput;
	readonly answers: Readonly<Record<string, string>>;
	readonly findings: readonly Finding[];
	readonly probes: readonly ProbeRecord[];
	readonly facts: Facts;
	readonly transcript: readonly TranscriptEntry[];
	readonly outcome?: Outcome;
};

export function initialContext(input: SessionInput): FlowContext {
	return {input, answers: {}, findings: [], probes: [], facts: {}, transcript: input.priorTranscript ?? []};
}
