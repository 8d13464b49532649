import type {HeaderMap} from '../../evidence/types.js';

/** A header field line: a token, a colon, a value (RFC 9110 §5.1). HTTP/2 pseudo-headers start with `:`. */
const fieldLine = /^(:?[!#$%&'*+.^`|~\w-]+)[ \t]*:(.*)$/;

/** True when the line has the shape of a header field. */
export function isHeaderLine(line: string): boolean {
	return fieldLine.test(line);
}

/**
Parses header lines into pairs; a line that starts with a space or tab continues the previous value
(obs-fold, RFC 9112 §5.2: replaced by one space). Lines that are not fields are returned apart.
*/
export function parseHeaderLines(lines: readonly string[]): {pairs: Array<[string, string]>; rejected: string[]} {
	const pairs: Array<[string, string]> = [];
	const rejected: string[] = [];
	for (const line of lines) {
		const last = pairs.at(-1);
		if (/^[ \t]/.test(line) && last && line.trim() !== '') {
			last[1] = `${last[1]} ${line.trim()}`.trim();
			continue;
		}

		const match = fieldLine.exec(line);
		if (match) {
			pairs.push([match[1]!, match[2]!.trim()]);
		} else if (line.trim() !== '') {
			rejected.push(line);
		}
	}

	return {pairs, rejected};
}

/** Lower-case names, one entry per name; repeated names become arrays in order. */
export function toHeaderMap(pairs: ReadonlyArray<readonly [string, string]>): HeaderMap {
	const map = new Map<string, string | string[]>();
	for (const [name, value] of pairs) {
		const key = name.toLowerCase();
		const existing = map.get(key);
		map.set(key, existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]);
	}

	// Built from a Map so that a header named `__proto__` stays an ordinary key.
	return Object.fromEntries(map);
}

const statusLine = /^HTTP\/(\d(?:\.\d)?)[ \t]+(\d{3})(?:[ \t](.*))?$/i;

/** `HTTP/1.1 403 Forbidden`, `HTTP/2 403 `, `HTTP/1.0 200`. */
export function parseStatusLine(line: string): {httpVersion: string; status: number; statusText: string} | undefined {
	const match = statusLine.exec(line);
	return match ? {httpVersion: match[1]!, status: Number(match[2]), statusText: (match[3] ?? '').trim()} : undefined;
}

const requestLine = /^([A-Z][A-Z-]{1,15})[ \t]+(\S+)[ \t]+HTTP\/(\d(?:\.\d)?)[ \t]*$/;

/** `GET /path HTTP/1.1`. */
export function parseRequestLine(line: string): {method: string; target: string; httpVersion: string} | undefined {
	const match = requestLine.exec(line);
	return match ? {method: match[1]!, target: match[2]!, httpVersion: match[3]!} : undefined;
}
