import {monthNumber} from './error-entry.js';

/** One access-log line in the common or combined format (nginx and Apache defaults). */
export type AccessLogEntry = {
	/** `%h` / `$remote_addr` */
	readonly client: string;
	/** First address of a trailing `"$http_x_forwarded_for"` field, when the format has one and it is set. */
	readonly forwardedFor?: string;
	readonly user?: string;
	/** `2000-10-10T13:55:36-07:00`, the instant as written. */
	readonly time: string;
	/** Milliseconds since the epoch, for ordering; NaN when the stamp is malformed. */
	readonly epochMs: number;
	/** Hour bucket in the log's own offset, `2000-10-10T13`. */
	readonly hour: string;
	readonly request: string;
	readonly method?: string;
	readonly target?: string;
	readonly status: number;
	readonly bytes?: number;
	readonly referer?: string;
	readonly userAgent?: string;
	/** `vhost_combined`'s leading `%v:%p`. */
	readonly vhost?: string;
};

const quoted = String.raw`"((?:[^"\\]|\\.)*)"`;
// `%v:%p %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i"` — the vhost and the last two are optional, anything after is tolerated.
const linePattern = new RegExp(String.raw`^(?:(\S+:\d+) )?(\S+) (\S+) (\S+) \[([^\]]+)\] ${quoted} (\d{3}) (\d+|-)(?: ${quoted} ${quoted})?(.*)$`);
const timePattern = /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

function parseTime(stamp: string): {time: string; epochMs: number; hour: string} {
	const match = timePattern.exec(stamp);
	const month = match?.[2] === undefined ? undefined : monthNumber(match[2]);
	if (!match || month === undefined) {
		return {time: stamp, epochMs: Number.NaN, hour: 'unknown'};
	}

	const [, day, , year, hours, minutes, seconds, sign, offsetHours, offsetMinutes] = match;
	const time = `${year}-${month}-${day}T${hours}:${minutes}:${seconds}${sign}${offsetHours}:${offsetMinutes}`;
	return {time, epochMs: Date.parse(time), hour: `${year}-${month}-${day}T${hours}`};
}

function unescape(value: string | undefined): string | undefined {
	return value === undefined || value === '-' ? undefined : value.replaceAll(/\\(["\\])/g, '$1');
}

/**
Parses one access-log line; undefined when it is not the common/combined shape. Custom fields appended
after the user agent are ignored, except a quoted `$http_x_forwarded_for` right after it (nginx's `main`).
*/
export function parseAccessLine(line: string): AccessLogEntry | undefined {
	const match = linePattern.exec(line);
	if (!match) {
		return undefined;
	}

	const [, vhost, client = '', , user, stamp = '', request = '', status = '0', bytes = '-', referer, userAgent, rest = ''] = match;
	const requestMatch = /^([A-Z][A-Z-]*) (\S+)(?: HTTP\/[\d.]+)?$/.exec(request);
	const forwarded = /^ "([^"]*)"/.exec(rest)?.[1]?.split(',')[0]?.trim();
	return {
		client,
		forwardedFor: forwarded && forwarded !== '-' && /^[\da-f.:]+$/i.test(forwarded) ? forwarded : undefined,
		user: user === '-' ? undefined : user,
		...parseTime(stamp),
		request: unescape(request) ?? '',
		method: requestMatch?.[1],
		target: requestMatch?.[2],
		status: Number(status),
		bytes: bytes === '-' ? undefined : Number(bytes),
		referer: unescape(referer),
		userAgent: unescape(userAgent),
		vhost,
	};
}
