import type {HeaderMap} from '../evidence/types.js';

/** A request the tool may send: the user's original, or a variation of it. */
export type ProbeRequest = {
	/** Stable id in the report, e.g. `original`, `browser-ua`, `no-referer`. */
	readonly id: string;
	/** What changed compared with the original, for people: "with a browser User-Agent". */
	readonly label: string;
	readonly method: string;
	readonly url: string;
	/** Header names as the user wrote them; order kept. */
	readonly headers: ReadonlyArray<readonly [string, string]>;
	readonly body?: string;
};

/** Why a probe got no HTTP answer. Codes are stable; `message` is for people. */
export type ProbeFailureCode =
	| 'dns'
	| 'refused'
	| 'reset'
	| 'timeout'
	| 'tls-self-signed'
	| 'tls-expired'
	| 'tls-hostname'
	| 'tls-protocol'
	| 'tls-client-cert'
	| 'tls-other'
	| 'redirect-loop'
	| 'invalid-http'
	| 'aborted'
	| 'budget'
	| 'other';

export type ProbeFailure = {
	readonly code: ProbeFailureCode;
	readonly message: string;
	/** The low-level code behind it (Node, OpenSSL or got), e.g. `CERT_HAS_EXPIRED`, `HPE_HEADER_OVERFLOW`; for logs and guards. */
	readonly errorCode?: string;
};

/**
One request that was sent and what came back (or why nothing did). `status` and `failure` can both be set:
the answer began (status, headers, part of the body) and then went wrong — a reset mid-body, a timeout while
the body dripped in, a redirect that was not followed because of the budget or the hop limit.
*/
export type ProbeRecord = {
	readonly id: string;
	readonly label: string;
	readonly method: string;
	readonly url: string;
	readonly requestHeaders: ReadonlyArray<readonly [string, string]>;
	/** The equivalent curl command (secrets redacted when it reaches a report). */
	readonly curl: string;
	/** HTTP status of the final response; undefined when the request failed. */
	readonly status?: number;
	readonly statusText?: string;
	readonly httpVersion?: string;
	readonly headers: HeaderMap;
	/** Decoded body excerpt, at most the read cap. */
	readonly body: string;
	readonly bodyTruncated: boolean;
	/** Bytes of body read off the wire (before decoding). */
	readonly bodyBytes?: number;
	/** Every URL visited, first to last, when redirects were followed (empty when there was none). */
	readonly redirects: readonly string[];
	readonly ms: number;
	readonly startedAt: number;
	readonly timings?: Readonly<Record<string, number | undefined>>;
	readonly failure?: ProbeFailure;
};
