/** Why a HAR file could not be used. Stable; the CLI maps each to exit status 2. */
export type HarErrorCode = 'har-empty' | 'har-not-json' | 'har-malformed' | 'har-too-large' | 'har-too-many-entries';

/** The user can act on it: `message` is one line naming what is wrong and where. */
export class HarError extends Error {
	readonly code: HarErrorCode;

	constructor(code: HarErrorCode, message: string, options?: {cause?: unknown}) {
		super(message, options);
		this.name = 'HarError';
		this.code = code;
	}
}
