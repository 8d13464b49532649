/** Stable codes of {@link NginxConfigError}; callers branch on these, never on the message. */
export type NginxConfigErrorCode =
	/** The text breaks nginx's own syntax rules (the same places `nginx -t` rejects). */
	| 'ERR_NGINX_SYNTAX'
	/** An `include` names a file that cannot be read. */
	| 'ERR_NGINX_INCLUDE'
	/** The main configuration file (or a dump) cannot be read. */
	| 'ERR_NGINX_READ'
	/** The configuration has no `http { server { … } }` to judge a web request against. */
	| 'ERR_NGINX_NO_SERVER'
	/** Bounds that keep untrusted input small were exceeded (file size, include depth, file count). */
	| 'ERR_NGINX_LIMIT'
	/** The request to judge is unusable (not an absolute URL). */
	| 'ERR_NGINX_BAD_REQUEST';

/** Where in the configuration the problem sits; `line` is absent when the whole file is at fault. */
export type ConfigPlace = {readonly file: string; readonly line?: number};

/**
A configuration (or request) the nginx reader cannot use. The message reads like nginx's own (`unexpected "}" in
/etc/nginx/sites-enabled/x:12`) so an owner recognises it; `reason` is the part before " in ".
*/
export class NginxConfigError extends Error {
	override readonly name = 'NginxConfigError';
	readonly code: NginxConfigErrorCode;
	readonly reason: string;
	readonly file: string;
	readonly line: number | undefined;

	constructor(code: NginxConfigErrorCode, reason: string, place: ConfigPlace, options?: {cause?: unknown}) {
		super(`${reason} in ${place.file}${place.line === undefined ? '' : `:${place.line}`}`, options);
		this.code = code;
		this.reason = reason;
		this.file = place.file;
		this.line = place.line;
	}
}
