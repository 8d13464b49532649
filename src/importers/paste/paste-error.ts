/** Why a paste could not be read. Stable; the CLI maps every one of them to exit status 2. */
export type PasteErrorCode = 'paste-empty' | 'paste-binary' | 'paste-too-large' | 'paste-unrecognised';

/** The user can act on it: the message is one line, with no stack needed. */
export class PasteError extends Error {
	readonly code: PasteErrorCode;

	constructor(code: PasteErrorCode, message: string) {
		super(message);
		this.name = 'PasteError';
		this.code = code;
	}
}
