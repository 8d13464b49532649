import {apacheTime, type ErrorLogEntry} from './error-entry.js';

// Apache 2.4's default ErrorLogFormat: `[%{u}t] [%-m:%l] [pid %P:tid %T] %7F: %E: [client\ %a] %M% ,\ referer\ %{Referer}i`
// (docs: mod/core.html#errorlogformat). 2.2 lines have `[error]` and no pid; mod_php writes `[:error]`.
const head = /^\[([^\]]+)\] \[(?:([\w-]*):)?(\w+)\](?: \[pid (\d+)(?::tid \d+)?\])?(?: \S+\(\d+\):)? ?([\s\S]*)$/;
const errnoPattern = /^(?:\((-?\d+)\))?([A-Za-z][\w ,'-]*?): (?=\[client |\[remote |AH\d{5})/;
const clientPattern = /\[(?:client|remote) ([^\]]+)\] /;
const ahPattern = /^(AH\d{5}): /;

/**
Parses one Apache error-log line, e.g. `[Tue Feb 11 17:17:31.331754 2016] [core:error] [pid 5240:tid 879]
(13)Permission denied: [client 127.0.0.1:47007] AH00132: file permissions deny server access: /var/www/x.html`.
Undefined for anything else.
*/
export function parseApacheErrorLine(line: string): ErrorLogEntry | undefined {
	const match = head.exec(line);
	if (!match) {
		return undefined;
	}

	const [, stamp = '', module, level = '', pid] = match;
	let rest = match[5] ?? '';
	const errnoMatch = errnoPattern.exec(rest);
	const errno = errnoMatch ? {code: errnoMatch[1] === undefined ? undefined : Number(errnoMatch[1]), text: errnoMatch[2] ?? ''} : undefined;
	if (errnoMatch) {
		rest = rest.slice(errnoMatch[0].length);
	}

	const clientMatch = clientPattern.exec(rest);
	// Only a [client …] near the start is the field; one deep inside a message is quoted text.
	const client = clientMatch && clientMatch.index < 16 ? clientMatch[1] : undefined;
	if (clientMatch && client !== undefined) {
		rest = rest.slice(clientMatch.index + clientMatch[0].length);
	}

	const ahMatch = ahPattern.exec(rest);
	if (ahMatch) {
		rest = rest.slice(ahMatch[0].length);
	}

	const referrerMatch = /, referer: (\S*)$/.exec(rest);
	if (referrerMatch) {
		rest = rest.slice(0, referrerMatch.index);
	}

	return {
		server: 'apache',
		time: apacheTime(stamp),
		level,
		module,
		pid: pid === undefined ? undefined : Number(pid),
		client,
		referrer: referrerMatch?.[1],
		errno,
		ah: ahMatch?.[1],
		message: rest,
	};
}
