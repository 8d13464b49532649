import type {ProbeRequest} from './probe-types.js';
import {shellQuote} from './shell-quote.js';

/** Methods for which Node sends no Content-Length when there is no body (`useChunkedEncodingByDefault` false). */
const noDefaultBody = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

export type CurlOptions = {
	/** Add `-k`, as the prober's `insecure` does. */
	readonly insecure?: boolean;
	/** Redirects the prober follows; 0 leaves out `-L`. Default 10. */
	readonly maxRedirects?: number;
};

/**
The curl command that sends what the prober sends, for people to copy and paste:
`curl -sS -i` (status line and headers, then the body, on stdout; errors still shown), `-I` for HEAD.

Exactness takes a few extra words: curl adds an `Accept` header and a User-Agent of its own, and `--data-raw` adds a
form Content-Type, so `-H 'Accept:'` etc. remove the ones the request does not carry. A POST's body goes
with `--data-raw` and no `-X`, so that `-L` turns it into a GET on 301/302/303 the way the prober (and a
browser) does; other methods need `-X`, which curl keeps on every hop. One difference remains: after such a
redirect curl still sends the Content-Type header given with `-H`, which the prober drops with the body. `-g` stops curl from reading `[]{}`
in the URL as a glob.
*/
export function toCurl(request: Pick<ProbeRequest, 'method' | 'url' | 'headers' | 'body'>, options: CurlOptions = {}): string {
	const method = request.method.toUpperCase();
	const maxRedirects = options.maxRedirects ?? 10;
	const has = (name: string): boolean => request.headers.some(([key]) => key.toLowerCase() === name);
	// Node ends a POST, PUT, PATCH… without a body with `Content-Length: 0` (its methods without a default body
	// send none); an empty --data-raw makes curl do the same.
	const body = request.body ?? (noDefaultBody.has(method) ? undefined : '');
	const words: string[] = ['curl', '-sS', method === 'HEAD' ? '-I' : '-i'];

	if (options.insecure) {
		words.push('-k');
	}

	if (maxRedirects > 0) {
		words.push('-L', '--max-redirs', String(maxRedirects));
	}

	const impliedMethod = method === 'HEAD' || (body === undefined ? method === 'GET' : method === 'POST');
	if (!impliedMethod) {
		words.push('-X', shellQuote(request.method));
	}

	if (/[[\]{}]/.test(request.url)) {
		words.push('-g');
	}

	words.push(shellQuote(request.url));

	for (const [name, value] of request.headers) {
		// `Name:` would remove the header in curl; `Name;` sends it with an empty value.
		words.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
	}

	for (const name of ['Accept', 'User-Agent']) {
		if (!has(name.toLowerCase())) {
			words.push('-H', shellQuote(`${name}:`));
		}
	}

	if (body !== undefined) {
		if (!has('content-type')) {
			words.push('-H', shellQuote('Content-Type:'));
		}

		words.push('--data-raw', shellQuote(body));
	}

	return words.join(' ');
}
