import type {CauseId, Layer, Role} from '../diagnosis/cause-ids.js';
import type {HeaderMap, Vendor} from '../evidence/types.js';

export const reportSchemaId = 'fix403/report@1';

export type ReportStatus = 'diagnosed' | 'not-reproduced' | 'inconclusive' | 'unreachable';

export type ReportCause = {
	readonly id: CauseId;
	readonly title: string;
	readonly layer: Layer;
	/** 0–1, from the strength of the evidence, two decimals. */
	readonly confidence: number;
	readonly vendor?: Vendor;
	readonly evidence: readonly string[];
	readonly fix: readonly string[];
	/** Config file and line, or path component, where the owner should look. */
	readonly locations?: ReadonlyArray<{readonly file: string; readonly line?: number}>;
	/** Ids of the probes that show it: the request as sent, then the variation that changed the answer. */
	readonly probes?: readonly string[];
};

export type ReportProbe = {
	readonly id: string;
	readonly label: string;
	readonly method: string;
	readonly url: string;
	readonly curl: string;
	/** 0 when no HTTP answer came back (see `error`). */
	readonly status: number;
	readonly statusText?: string;
	readonly httpVersion?: string;
	readonly headers: HeaderMap;
	readonly requestHeaders: ReadonlyArray<readonly [string, string]>;
	readonly ms: number;
	readonly startedAt: string;
	readonly bodyExcerpt?: string;
	readonly timings?: Readonly<Record<string, number | undefined>>;
	readonly error?: {readonly code: string; readonly message: string};
};

export type TranscriptKind = 'question' | 'answer' | 'check' | 'finding' | 'conclusion';

export type TranscriptEntry = {
	readonly kind: TranscriptKind;
	readonly text: string;
	/** Flow node the entry came from (question id, check step), when there is one. */
	readonly step?: string;
	readonly mark?: 'ok' | 'fail' | 'warn' | 'info';
};

/** The report of ../shared/CONTRACT.md plus the fields this project adds (`reason`, `role`, `tool`…). */
export type Report = {
	readonly schema: typeof reportSchemaId;
	readonly target: {readonly url: string; readonly method: string};
	readonly status: ReportStatus;
	/** Why the status is what it is, in one sentence (always set unless diagnosed). */
	readonly reason?: string;
	/** The verdict in one sentence, from the flow's conclusion (for every status). */
	readonly summary?: string;
	readonly role: Role;
	readonly causes: readonly ReportCause[];
	readonly probes: readonly ReportProbe[];
	readonly transcript: readonly TranscriptEntry[];
	readonly generatedAt: string;
	readonly tool: {readonly name: 'fix403'; readonly version: string};
};
