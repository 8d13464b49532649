import {escapeHtml} from '../../text/escape-html.js';
import type {LabReply} from '../types.js';
import {httpDate} from './http-date.js';

export const apacheServer = 'Apache/2.4.62 (Debian)';

/**
Apache 2.4's default 403 (modules/http/http_protocol.c, 2.4.x: the path is no longer named), with the
`<address>` footer that `ServerSignature On` adds, as Debian ships it.
*/
export function apacheForbidden(url: URL, now: number): LabReply {
	const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>403 Forbidden</title>\n</head><body>\n<h1>Forbidden</h1>\n<p>You don't have permission to access this resource.</p>\n<hr>\n<address>${apacheServer} Server at ${escapeHtml(url.hostname)} Port ${url.port || '80'}</address>\n</body></html>\n`;
	return {status: 403, headers: {Date: httpDate(now), Server: apacheServer, 'Content-Type': 'text/html; charset=iso-8859-1'}, body};
}

export function apacheRedirect(location: string, now: number): LabReply {
	const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>301 Moved Permanently</title>\n</head><body>\n<h1>Moved Permanently</h1>\n<p>The document has moved <a href="${location}">here</a>.</p>\n</body></html>\n`;
	return {status: 301, headers: {Date: httpDate(now), Server: apacheServer, Location: location, 'Content-Type': 'text/html; charset=iso-8859-1'}, body};
}
