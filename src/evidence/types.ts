import type {CauseId, Role} from '../diagnosis/cause-ids.js';

/** The CDN, WAF, cloud service or web server that produced a response. */
export const vendors = [
	'cloudflare',
	'akamai',
	'fastly',
	'imperva',
	'aws-cloudfront',
	'aws-waf',
	'aws-alb',
	'aws-api-gateway',
	'aws-s3',
	'sucuri',
	'f5',
	'modsecurity',
	'azure-front-door',
	'azure-app-gateway',
	'azure-blob',
	'google-cloud-armor',
	'gcs',
	'vercel',
	'netlify',
	'nginx',
	'apache',
	'iis',
	'datadome',
	'perimeterx',
	'kasada',
] as const;
export type Vendor = (typeof vendors)[number];

/** Header names are lower case; repeated headers keep every value. */
export type HeaderMap = Record<string, string | string[]>;

/** What a reader sees of one exchange: enough to judge it, nothing that needs I/O. */
export type ResponseView = {
	/** Absolute URL that was requested (after redirects, the final one). */
	readonly url: string;
	readonly method: string;
	readonly status: number;
	readonly headers: HeaderMap;
	/** A bounded excerpt of the decoded body; may be empty. */
	readonly body: string;
	/** Headers the request carried, lower-case names. */
	readonly requestHeaders?: Readonly<Record<string, string>>;
	/** Local time (ms since epoch) when the response arrived; readers compare it with `Date`. */
	readonly receivedAt?: number;
};

/** How a finding should be shown next to its check: ✓ passes, ✗ points at a cause, ! worth knowing. */
export type FindingMark = 'ok' | 'fail' | 'warn' | 'info';

/**
One observation that bears on the diagnosis. Readers and checks produce findings; the ranking turns the
`supports` of all findings into confidences; the flow's guards branch on `code`s.
*/
export type Finding = {
	/** Stable, dotted, e.g. `cloudflare.error-1020`, `variation.browser-ua.passes`, `nginx.deny-all`. */
	readonly code: string;
	/** One sentence for the report's evidence list. May quote server text; displays neutralise it. */
	readonly text: string;
	/** Causes this observation supports, with the strength it lends (0–1). Negative values argue against. */
	readonly supports?: Partial<Record<CauseId, number>>;
	/** The CDN/WAF/cloud/server that produced the response this finding is about. */
	readonly vendor?: Vendor;
	/** Concrete fix steps this observation makes possible, by role (e.g. the exact `chmod`). */
	readonly fix?: Partial<Record<Role, readonly string[]>>;
	/** Where on the server: config file and line, or a path component. */
	readonly location?: {readonly file: string; readonly line?: number};
	readonly mark?: FindingMark;
	/** Structured facts for guards and exports (numbers, dates, names); never secrets. */
	readonly data?: Readonly<Record<string, unknown>>;
};

/** Finding lists are combined often; this keeps call sites short. */
export type Findings = readonly Finding[];
