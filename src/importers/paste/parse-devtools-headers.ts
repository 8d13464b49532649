import {parseHeaderLines, parseStatusLine, toHeaderMap} from './header-lines.js';
import type {PastedResponse} from './types.js';

/**
Header lines with no body: DevTools "Copy response headers" and the like. Chrome copies
`NetworkRequest.responseHeadersText` (Chromium front_end/panels/network/NetworkLogView.ts, copyResponseHeaders):
the raw text with a status line for HTTP/1.x (parsed as raw HTTP), but for HTTP/2 and HTTP/3 only `name: value`
lines, sometimes led by pseudo-headers such as `:status: 403`; Firefox starts with `HTTP/2 403 ` (its netmonitor
test browser_net_copy_headers.js). The status comes from the status line or `:status`; otherwise it is 0.
*/
export function parseDevtoolsHeaders(lines: readonly string[]): PastedResponse {
	const content = lines.filter(line => line.trim() !== '');
	const status = content[0] === undefined ? undefined : parseStatusLine(content[0].trim());
	const {pairs} = parseHeaderLines(status ? content.slice(1) : content);
	const pseudoStatus = pairs.find(([name]) => name === ':status')?.[1];
	const headers = pairs.filter(([name]) => !name.startsWith(':'));
	return {
		status: status?.status ?? (pseudoStatus && /^\d{3}$/.test(pseudoStatus) ? Number(pseudoStatus) : 0),
		statusText: status?.statusText ?? '',
		httpVersion: status?.httpVersion ?? (pseudoStatus ? '2' : ''),
		headers: toHeaderMap(headers),
		body: '',
	};
}
