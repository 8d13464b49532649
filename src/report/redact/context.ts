/** What the redaction rules share: built once by `createRedactor`, passed to each rule. */
export type RedactContext = {
	/** Extra header names (lower case) the user marked as secret. */
	readonly extraHeaderNames: ReadonlySet<string>;
	/** Literal secrets and JWT signatures, in any form, replaced. */
	scrub(text: string): string;
	/** Free text: every rule. */
	text(text: string): string;
	/** A URL, absolute or relative. */
	url(url: string): string;
};
