/** One parsed error-log line, nginx or Apache. Fields absent from the line are absent here. */
export type ErrorLogEntry = {
	readonly server: 'nginx' | 'apache';
	/** Local time as written, normalised to `YYYY-MM-DDTHH:MM:SS` (error logs carry no zone). */
	readonly time?: string;
	/** `error`, `crit`, `notice`… */
	readonly level: string;
	/** Apache module tag (`authz_core`, `core`, `security2`); empty for `[:error]`. */
	readonly module?: string;
	readonly pid?: number;
	/** nginx connection number (`*45`). */
	readonly connection?: number;
	readonly client?: string;
	/** nginx `server:` (the server_name that handled it). */
	readonly serverName?: string;
	/** The request line, e.g. `GET /x HTTP/1.1`. */
	readonly request?: string;
	readonly host?: string;
	readonly upstream?: string;
	readonly referrer?: string;
	/** Apache `(13)Permission denied` before the message. */
	readonly errno?: {readonly code?: number; readonly text: string};
	/** Apache message code, e.g. `AH01630`. */
	readonly ah?: string;
	/** The message itself, without the fields above. */
	readonly message: string;
};

const months: Record<string, string> = {
	Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06',
	Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12',
};

/** `Tue Feb 11 17:17:31.331754 2016` → `2016-02-11T17:17:31`; undefined when it is not that shape. */
export function apacheTime(text: string): string | undefined {
	const match = /^\w{3} (\w{3}) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2})(?:\.\d+)? (\d{4})$/.exec(text.trim());
	const month = match?.[1] === undefined ? undefined : months[match[1]];
	if (!match || month === undefined) {
		return undefined;
	}

	return `${match[4] ?? ''}-${month}-${(match[2] ?? '').padStart(2, '0')}T${match[3] ?? ''}`;
}

/** Month abbreviation to number, shared with the access-log time parser. */
export function monthNumber(name: string): string | undefined {
	return months[name];
}
