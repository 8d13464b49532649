/**
A problem the user can act on: bad input, an unreadable file, an unanswerable question. Shown as one line
on stderr with exit status 2, never with a stack trace.
*/
export class UserError extends Error {
	override readonly name = 'UserError';
	readonly code: string;

	constructor(message: string, code = 'FIX403_BAD_INPUT', options?: {cause?: unknown}) {
		super(message, options);
		this.code = code;
	}
}
