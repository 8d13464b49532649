/** Why an Apache configuration could not be read. */
export type ApacheConfigErrorCode =
	| 'APACHE_CONFIG_SYNTAX'
	| 'APACHE_CONFIG_INCLUDE'
	| 'APACHE_CONFIG_UNREADABLE'
	| 'APACHE_CONFIG_TOO_LARGE';

/**
A configuration file is malformed or missing. The user can act on it: `file:line: reason` says where.
`code` is stable; `reason` is the plain explanation without the location.
*/
export class ApacheConfigError extends Error {
	override readonly name = 'ApacheConfigError';
	readonly code: ApacheConfigErrorCode;
	readonly file: string;
	readonly line: number | undefined;
	readonly reason: string;

	constructor(code: ApacheConfigErrorCode, file: string, line: number | undefined, reason: string, options?: {cause?: unknown}) {
		super(`${line === undefined ? file : `${file}:${line}`}: ${reason}`, options);
		this.code = code;
		this.file = file;
		this.line = line;
		this.reason = reason;
	}
}
