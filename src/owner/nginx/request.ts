/** The request to judge, as the owner describes it (usually the one fix403 probed). */
export type NginxRequest = {
	/** Absolute URL, e.g. `http://example.com/images/a.png?x=1`. */
	readonly url: string;
	/** Default `GET`. */
	readonly method?: string;
	/** The address nginx sees as `$remote_addr` (e.g. `127.0.0.1`). */
	readonly clientAddress: string;
	/** The Referer sent, if any. */
	readonly referer?: string;
	/** The User-Agent sent, if any. */
	readonly userAgent?: string;
	/**
	The other headers sent (any case), for `$http_*`/`$cookie_*`. Taken as complete: a header that is not
	here (nor in `referer`/`userAgent`) counts as not sent, which is what nginx sees as an empty value.
	*/
	readonly headers?: Readonly<Record<string, string>>;
	/** Where nginx accepted the connection, when it differs from the URL (nginx behind a proxy or CDN). */
	readonly arrival?: {readonly address?: string; readonly port?: number};
	/** Milliseconds since the epoch, for `secure_link` expiry; default now. */
	readonly now?: number;
};

/** The parts of a request that nginx's variables and matching use. */
export type RequestFacts = {
	readonly method: string;
	readonly scheme: string;
	readonly host: string;
	readonly port: number;
	/** Path as sent (`$request_uri` without the query). */
	readonly rawPath: string;
	readonly query: string;
	readonly clientAddress: string;
	/** Lower-case header names. */
	readonly headers: ReadonlyMap<string, string>;
	readonly now: number;
};

/** Splits the request into the facts the analysis uses; throws a TypeError-free message for a bad URL. */
export function requestFacts(request: NginxRequest): RequestFacts | {error: string} {
	let url: URL;
	try {
		url = new URL(request.url);
	} catch {
		return {error: `not an absolute URL: ${request.url}`};
	}

	const headers = new Map<string, string>();
	for (const [name, value] of Object.entries(request.headers ?? {})) {
		headers.set(name.toLowerCase(), value);
	}

	if (request.referer !== undefined) {
		headers.set('referer', request.referer);
	}

	if (request.userAgent !== undefined) {
		headers.set('user-agent', request.userAgent);
	}

	const scheme = url.protocol.replace(/:$/, '');
	const host = (headers.get('host') ?? url.hostname).replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
	return {
		method: (request.method ?? 'GET').toUpperCase(),
		scheme,
		host,
		port: url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port),
		rawPath: url.pathname,
		query: url.search.replace(/^\?/, ''),
		clientAddress: request.clientAddress,
		headers,
		now: request.now ?? Date.now(),
	};
}
