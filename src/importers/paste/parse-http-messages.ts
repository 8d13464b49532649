import {parseHeaderLines, parseRequestLine, parseStatusLine, toHeaderMap} from './header-lines.js';
import type {PastedHop, PastedRequest, PastedResponse} from './types.js';

export type ParsedMessages = {
	readonly request?: PastedRequest;
	readonly response?: PastedResponse;
	readonly chain: PastedHop[];
};

/**
Raw HTTP as `curl -i`/`curl -I`/`curl -iL` print it, as HTTPie prints `http -v`, or as a proxy shows it: an
optional request (request line, headers, body), then one or more responses. A response followed by a blank
line and another status line is an earlier hop (redirect, `100 Continue`, a proxy's CONNECT answer); the body
belongs to the last one.
*/
export function parseHttpMessages(lines: readonly string[]): ParsedMessages {
	let index = skipBlank(lines, 0);
	let request: PastedRequest | undefined;
	const requestLine = parseRequestLine(lines[index] ?? '');
	if (requestLine) {
		const end = blockEnd(lines, index + 1);
		const {pairs} = parseHeaderLines(lines.slice(index + 1, end));
		index = end;
		let next = index;
		while (next < lines.length && !parseStatusLine(lines[next]!)) {
			next++;
		}

		const body = lines.slice(index + 1, next).join('\n').trim();
		const host = pairs.find(([name]) => name.toLowerCase() === 'host')?.[1];
		const url = /^[a-z][\w+.-]*:\/\//i.test(requestLine.target) || !host ? requestLine.target : `http://${host}${requestLine.target}`;
		request = {method: requestLine.method, url, headers: pairs, ...(body ? {body} : {})};
		index = next;
	}

	const hops: PastedResponse[] = [];
	let bodyStart = lines.length;
	while (index < lines.length) {
		const status = parseStatusLine(lines[index]!);
		if (!status) {
			break;
		}

		const end = blockEnd(lines, index + 1);
		hops.push({...status, headers: toHeaderMap(parseHeaderLines(lines.slice(index + 1, end)).pairs), body: ''});
		const next = skipBlank(lines, end);
		if (next < lines.length && parseStatusLine(lines[next]!)) {
			index = next;
			continue;
		}

		bodyStart = end + 1;
		break;
	}

	const last = hops.pop();
	const response = last ? {...last, body: lines.slice(bodyStart).join('\n').replace(/\n+$/, '')} : undefined;
	return {...(request ? {request} : {}), ...(response ? {response} : {}), chain: hops.map(hop => toHop(hop))};
}

export function toHop(response: PastedResponse): PastedHop {
	const location = response.headers['location'];
	const first = Array.isArray(location) ? location[0] : location;
	return {status: response.status, statusText: response.statusText, ...(first === undefined ? {} : {location: first})};
}

function skipBlank(lines: readonly string[], from: number): number {
	let index = from;
	while (index < lines.length && lines[index]!.trim() === '') {
		index++;
	}

	return index;
}

/** Index of the blank line that ends a header block (or the end). */
function blockEnd(lines: readonly string[], from: number): number {
	let index = from;
	while (index < lines.length && lines[index]!.trim() !== '') {
		index++;
	}

	return index;
}
