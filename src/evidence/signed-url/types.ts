import type {Finding, Vendor} from '../types.js';

/** The signing schemes fix403 reads. */
export type SignedUrlScheme = 'aws-sigv4' | 'aws-sigv2' | 'cloudfront' | 'gcs-v4' | 'gcs-v2' | 'azure-sas' | 'generic';

/** What the request's time is judged against: the local clock, and the server's (`Date` + `Age`) when known. */
export type SignedUrlContext = {
	/** Local time, ms since the epoch. */
	readonly now: number;
	/** Server time from the response's `Date`, ms since the epoch. */
	readonly serverDate?: number;
	/** Method of the request, for permissions carried in the URL (Azure `sp`). */
	readonly method?: string;
};

/** What one scheme reader extracts from a URL; times in ms since the epoch. */
export type SchemeFacts = {
	readonly scheme: SignedUrlScheme;
	/** For `generic`: which convention (`nginx-secure-link`, `e-st`, `token-exp`, `akamai-token`). */
	readonly style?: string;
	readonly vendor?: Vendor;
	readonly signedAt?: number;
	readonly expiresAt?: number;
	readonly notBefore?: number;
	/** How far ahead of the verifier's clock the start may lie (S3 and GCS forgive 15 minutes). */
	readonly notBeforeLeewayMs?: number;
	/** The scheme's parameters by name as they appear in the URL; secret values are `[redacted]`. */
	readonly params: Readonly<Record<string, string>>;
	/** Non-secret facts for display and exports (region, signer, credential scope, IP restriction…). */
	readonly details: Readonly<Record<string, unknown>>;
	/** Scheme-specific observations (missing signature, temporary credentials, IP restriction…). */
	readonly findings: readonly Finding[];
};

/** The reading of a signed URL: its scheme, validity window and findings. */
export type SignedUrlReading = Omit<SchemeFacts, 'findings' | 'notBeforeLeewayMs'> & {readonly findings: Finding[]};
