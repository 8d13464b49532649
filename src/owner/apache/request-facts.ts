import type {ApacheRequest} from './types.js';

/** The request as Apache's request phases see it. */
export type RequestFacts = {
	readonly scheme: 'http' | 'https';
	readonly host: string;
	readonly port: number;
	/** URL-path after %-decoding and removing `.`/`..` segments (httpd's `r->uri`). */
	readonly path: string;
	readonly query: string;
	readonly method: string;
	readonly clientAddress: string;
	readonly clientHost?: string;
	readonly serverAddress?: string;
	readonly referer?: string;
	readonly userAgent?: string;
};

/** Normalises the request the way httpd does before mapping (`ap_unescape_url`, `ap_getparents`). */
export function requestFacts(request: ApacheRequest): RequestFacts {
	const url = new URL(request.url);
	const scheme = url.protocol === 'https:' ? 'https' : 'http';
	let path = url.pathname;
	try {
		path = decodeURIComponent(path.replaceAll('%2F', '%252F').replaceAll('%2f', '%252f'));
	} catch {
		// httpd answers 400 to a malformed escape; the undecoded path is the best description left.
	}

	return {
		scheme,
		host: url.hostname.replace(/^\[|\]$/g, '').toLowerCase(),
		port: url.port ? Number(url.port) : (scheme === 'https' ? 443 : 80),
		path: removeDotSegments(path),
		query: url.search.replace(/^\?/, ''),
		method: request.method.toUpperCase(),
		clientAddress: request.clientAddress,
		clientHost: request.clientHost,
		serverAddress: request.serverAddress,
		referer: request.referer,
		userAgent: request.userAgent,
	};
}

function removeDotSegments(path: string): string {
	const output: string[] = [];
	const segments = path.split('/');
	for (const [index, segment] of segments.entries()) {
		if (segment === '.') {
			if (index === segments.length - 1) {
				output.push('');
			}
		} else if (segment === '..') {
			if (output.length > 1) {
				output.pop();
			}

			if (index === segments.length - 1) {
				output.push('');
			}
		} else {
			output.push(segment);
		}
	}

	const joined = output.join('/');
	return joined.startsWith('/') ? joined : `/${joined}`;
}
