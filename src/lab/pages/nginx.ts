import type {LabReply} from '../types.js';
import {httpDate} from './http-date.js';

/** The nginx build the lab's nginx pages claim to be; the version an Ubuntu 24.04 server reports. */
export const nginxServer = 'nginx/1.24.0 (Ubuntu)';

const reasons: Readonly<Record<number, string>> = {301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed'};

/**
nginx's built-in error page (`ngx_http_error_pages` in nginx/nginx src/http/ngx_http_special_response.c):
CRLF line ends, the status in `<title>` and `<h1>`, and the `server_tokens` line at the foot.
*/
export function nginxPage(status: number, now: number, extra: Readonly<Record<string, string>> = {}): LabReply {
	const line = `${status} ${reasons[status] ?? 'Error'}`;
	const body = `<html>\r\n<head><title>${line}</title></head>\r\n<body>\r\n<center><h1>${line}</h1></center>\r\n<hr><center>${nginxServer}</center>\r\n</body>\r\n</html>\r\n`;
	return {status, headers: {Server: nginxServer, Date: httpDate(now), 'Content-Type': 'text/html', ...extra}, body};
}

/** nginx answering a folder URL without its slash: 301 to the same path with `/` (ngx_http_static_module). */
export function nginxSlashRedirect(url: URL, now: number): LabReply {
	return nginxPage(301, now, {Location: `${url.origin}${url.pathname}/`});
}

/** A 200 as nginx serves a static file. */
export function nginxFile(contentType: string, body: string | Uint8Array, now: number): LabReply {
	return {
		status: 200,
		headers: {Server: nginxServer, Date: httpDate(now), 'Content-Type': contentType, 'Last-Modified': httpDate(now - 86_400_000 * 9), 'Accept-Ranges': 'bytes'},
		body,
	};
}
