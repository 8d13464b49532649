import {parseHeaderLines, parseRequestLine, parseStatusLine, toHeaderMap} from './header-lines.js';
import {toHop} from './parse-http-messages.js';
import type {ConnectionInfo, PastedHop, PastedRequest, PastedResponse} from './types.js';

type Parsed = {request?: PastedRequest; response?: PastedResponse; chain: PastedHop[]; connection?: ConnectionInfo};

/**
`curl -v` output: `* ` connection notes, `> ` request lines, `< ` response lines, the body unprefixed after the
last response's blank `<` line, and `{ [n bytes data]` markers when the body went elsewhere. With `-L` the
exchange repeats; the last request and response are kept and earlier responses become the chain.
*/
export function parseCurlVerbose(lines: readonly string[]): Parsed {
	const requests: Array<{lines: string[]; url?: string}> = [];
	const responses: string[][] = [];
	const body: string[] = [];
	const connection: Record<string, unknown> = {};
	const certificate: Record<string, unknown> = {};
	let pendingUrl: string | undefined;
	let inBody = false;
	for (const line of lines) {
		const prefix = /^([*<>{}])(?: |$)/.exec(line)?.[1];
		const rest = line.slice(2);
		if (prefix === '*') {
			inBody = false;
			pendingUrl = readInfo(rest.trim(), connection, certificate) ?? pendingUrl;
		} else if (prefix === '>') {
			inBody = false;
			if (parseRequestLine(rest.trim())) {
				requests.push({lines: [], ...(pendingUrl ? {url: pendingUrl} : {})});
				pendingUrl = undefined;
			}

			requests.at(-1)?.lines.push(rest);
		} else if (prefix === '<') {
			if (parseStatusLine(rest.trim())) {
				responses.push([]);
				body.length = 0;
			}

			responses.at(-1)?.push(rest);
			inBody = rest.trim() === '';
		} else if (prefix === undefined && inBody) {
			body.push(line);
		}
	}

	const parsedResponses = responses.map(block => {
		const status = parseStatusLine(block[0]!.trim())!;
		return {...status, headers: toHeaderMap(parseHeaderLines(block.slice(1)).pairs), body: ''};
	});
	const last = parsedResponses.pop();
	const info = {...connection, ...(Object.keys(certificate).length > 0 ? {certificate} : {})} as ConnectionInfo;
	const request = requests.at(-1);
	return {
		...(request ? {request: toRequest(request, info)} : {}),
		...(last ? {response: {...last, body: body.join('\n').replace(/\n+$/, '')}} : {}),
		chain: parsedResponses.map(hop => toHop(hop)),
		...(Object.keys(info).length > 0 ? {connection: info} : {}),
	};
}

function toRequest(block: {lines: string[]; url?: string}, info: ConnectionInfo): PastedRequest {
	const line = parseRequestLine(block.lines[0]!.trim())!;
	const {pairs} = parseHeaderLines(block.lines.slice(1));
	const host = pairs.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? info.host;
	const secure = info.tlsVersion !== undefined || info.port === 443;
	const url = block.url ?? (/^[a-z][\w+.-]*:\/\//i.test(line.target) || !host ? line.target : `${secure ? 'https' : 'http'}://${host}${line.target}`);
	return {method: line.method, url, headers: pairs};
}

/** Reads one `* ` line into the connection facts; returns the URL of the next request when it names one. */
function readInfo(text: string, connection: Record<string, unknown>, certificate: Record<string, unknown>): string | undefined {
	let match: RegExpExecArray | null;
	if ((match = /^Connected to (\S+) \(([^)]*)\) port (\d+)/.exec(text))) {
		connection['host'] = match[1];
		connection['ip'] = match[2];
		connection['port'] = Number(match[3]);
	} else if ((match = /^SSL connection using (\S+) \/ (\S+)/.exec(text))) {
		connection['tlsVersion'] = match[1];
		connection['cipher'] = match[2];
	} else if ((match = /^ALPN[:,] server accepted(?: to use)? (\S+)/.exec(text))) {
		connection['alpn'] = match[1];
	} else if ((match = /^(subject|issuer|start date|expire date): (.*)$/.exec(text))) {
		certificate[{subject: 'subject', issuer: 'issuer', 'start date': 'startDate', 'expire date': 'expireDate'}[match[1]!]!] = match[2]!.trim();
	} else if (/^SSL certificate verify ok/.test(text)) {
		certificate['verified'] = true;
	} else if (/^SSL certificate (?:problem|verify result)/.test(text)) {
		certificate['verified'] = false;
	} else if ((match = /^\[HTTP\/[23]\] \[\d+\] OPENED stream for (\S+)/.exec(text)) || (match = /^Issue another request to this URL: '([^']+)'/.exec(text))) {
		return match[1];
	}

	return undefined;
}
