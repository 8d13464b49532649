import type {ErrorLogEntry} from './error-entry.js';

const head = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) \[(\w+)\] (\d+)#\d+: (?:\*(\d+) )?([\s\S]*)$/;

// ngx_http_log_error_handler appends these after the message, in this order (src/http/ngx_http_request.c).
const tail = /, client: (.*?), server: (.*?)(?:, request: "(.*?)")?(?:, subrequest: "(.*?)")?(?:, upstream: "(.*?)")?(?:, host: "(.*?)")?(?:, referrer: "(.*?)")?\s*$/;

/**
Parses one nginx error-log line: `2026/01/02 03:04:05 [error] 123#123: *45 <message>, client: 1.2.3.4,
server: example.com, request: "GET /x HTTP/1.1", host: "example.com"`. Undefined for anything else.
*/
export function parseNginxErrorLine(line: string): ErrorLogEntry | undefined {
	const match = head.exec(line);
	if (!match) {
		return undefined;
	}

	const [, year, month, day, clock, level = '', pid, connection, rest = ''] = match;
	const at = rest.lastIndexOf(', client: ');
	const fields = at === -1 ? undefined : tail.exec(rest.slice(at));
	const message = fields ? rest.slice(0, at) : rest;
	return {
		server: 'nginx',
		time: `${year ?? ''}-${month ?? ''}-${day ?? ''}T${clock ?? ''}`,
		level,
		pid: Number(pid),
		connection: connection === undefined ? undefined : Number(connection),
		client: fields?.[1],
		serverName: fields?.[2],
		request: fields?.[3],
		upstream: fields?.[5],
		host: fields?.[6],
		referrer: fields?.[7],
		message,
	};
}
