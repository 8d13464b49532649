/** What the redaction rules share: built once by `createRedactor`, passed to each rule. */
export type RedactContext = {
	/** Extra header names (lower case) the user marked as secret. */
	readonly extraHeaderNames: ReadonlySet<string>;
	/** Keep a bearer JWT's header and claims (`Bearer h.c.[redacted]`) instead of `Bearer [redacted]`. */
	readonly keepJwtClaims: boolean;
	/** Literal secrets and JWT signatures, in any form, replaced. */
	scrub(text: string): string;
	/** Free text: every rule. */
	text(text: string): string;
	/** A URL, absolute or relative. */
	url(url: string): string;
};
