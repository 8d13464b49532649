import type {Agent as HttpAgent, ClientRequest, IncomingMessage} from 'node:http';
import type {Agent as HttpsAgent} from 'node:https';
import type {Socket} from 'node:net';
import got, {type Request} from 'got';
import type {HeaderMap} from '../evidence/types.js';
import {createDecoders} from './create-decoders.js';
import {headerMapFromRaw} from './header-map.js';
import {readCappedBody, type BodyCaps, type CappedBody} from './read-capped-body.js';
import {redirectStatuses, type Hop} from './redirects.js';

export type SendSettings = BodyCaps & {
	readonly timeoutMs: number;
	readonly insecure: boolean;
	/** Trusted CA certificates (PEM) instead of Node's bundled ones, when set. */
	readonly ca?: readonly string[];
	readonly agents: {readonly http: HttpAgent; readonly https: HttpsAgent};
	readonly signal?: AbortSignal;
};

/** The head of an answer. */
export type ResponseHead = {
	readonly status: number;
	readonly statusText: string;
	readonly httpVersion: string;
	readonly headers: HeaderMap;
	/** Set when the status is a redirect: the raw Location value. */
	readonly location?: string;
};

/** What one request on the wire gave: a head and a body, or an error, or a head, part of a body and an error. */
export type HopOutcome = {
	readonly head?: ResponseHead;
	/** Undefined for redirects (their body is not read) and when no head came. */
	readonly body?: CappedBody;
	/** A failure before the head, or while reading the body. */
	readonly error?: unknown;
	readonly timings?: Readonly<Record<string, number | undefined>>;
	/** TLS key material was derived before any error: protocol and cipher were agreed. */
	readonly handshakeKeysSeen: boolean;
	/** The body is in a Content-Encoding we cannot decode; `body` holds the raw bytes. */
	readonly undecodable?: boolean;
};

/**
Sends one request with got and reads its answer within the caps. got does nothing on its own here: no
retries (it retries 429 by default, which would spend the budget), no redirects (the prober follows them
itself so that it can count and police every hop), no decompression (done under a cap by readCappedBody),
no exceptions for 4xx/5xx. Never rejects.
*/
export async function sendOnce(hop: Hop, settings: SendSettings): Promise<HopOutcome> {
	let handshakeKeysSeen = false;
	let stream: Request;
	try {
		stream = got.stream(hop.url, {
			method: hop.method as 'GET',
			headers: Object.fromEntries(joinRepeated(hop.headers)),
			...(hop.body === undefined ? {} : {body: hop.body}),
			// With allowGetBody got waits for the caller to write a body, even for GET; only a GET with a body needs it.
			allowGetBody: hop.body !== undefined,
			throwHttpErrors: false,
			retry: {limit: 0},
			followRedirect: false,
			decompress: false,
			// Every probe asks the server afresh: an answer from a cache would be evidence about nothing.
			cache: false,
			timeout: {request: Math.max(1, Math.round(settings.timeoutMs))},
			agent: {http: settings.agents.http, https: settings.agents.https},
			https: {
				rejectUnauthorized: !settings.insecure,
				...(settings.ca ? {certificateAuthority: [...settings.ca]} : {}),
			},
			...(settings.signal ? {signal: settings.signal} : {}),
		});
	} catch (error) {
		return {error, handshakeKeysSeen};
	}

	stream.once('request', (request: ClientRequest) => {
		request.once('socket', (socket: Socket) => {
			// Only TLS sockets emit 'keylog'; listening is what turns the callback on, and no key is kept.
			socket.once('keylog', () => {
				handshakeKeysSeen = true;
			});
		});
	});

	if (hop.body === undefined && hop.method.toUpperCase() !== 'GET' && hop.method.toUpperCase() !== 'HEAD') {
		// In stream mode got waits for the caller to write a body for other methods.
		stream.end();
	}

	const head = await new Promise<{response: IncomingMessage} | {error: unknown}>(resolve => {
		stream.once('response', (response: IncomingMessage) => {
			resolve({response});
		});
		stream.once('error', error => {
			resolve({error});
		});
	});

	// Errors after we are done (a late reset of a connection we hung up on) must not go unhandled.
	stream.on('error', () => undefined);

	if ('error' in head) {
		return {error: head.error, timings: phases(stream), handshakeKeysSeen};
	}

	const {response} = head;
	const status = response.statusCode ?? 0;
	const headers = headerMapFromRaw(response.rawHeaders);
	const location = redirectStatuses.has(status) ? response.headers.location : undefined;
	const responseHead: ResponseHead = {
		status,
		statusText: response.statusMessage ?? '',
		httpVersion: response.httpVersion,
		headers,
		...(location === undefined ? {} : {location}),
	};

	if (location !== undefined) {
		// The body of a redirect is of no use, and a hostile one could be endless: hang up instead of draining it.
		stream.destroy();
		return {head: responseHead, timings: phases(stream), handshakeKeysSeen};
	}

	if (hop.method.toUpperCase() === 'HEAD' || status === 204 || status === 304) {
		// These answers have no body by definition; a server that sends one anyway leaves got's stream waiting
		// for an end that never comes, so hang up rather than read.
		stream.destroy();
		return {head: responseHead, body: {bytes: Buffer.alloc(0), wireBytes: 0, truncated: false}, timings: phases(stream), handshakeKeysSeen};
	}

	const decoders = createDecoders(response.headers['content-encoding']);
	// got's own request timeout does not always fire once the body is streaming; this one always does.
	const guard = setTimeout(() => {
		stream.destroy(Object.assign(new Error(`no complete answer within ${settings.timeoutMs} ms`), {code: 'ETIMEDOUT'}));
	}, Math.max(1, Math.round(settings.timeoutMs)));
	const body = await readCappedBody(stream, decoders ?? [], settings);
	clearTimeout(guard);
	return {
		head: responseHead,
		body,
		...(decoders ? {} : {undecodable: true}),
		...(body.error === undefined ? {} : {error: body.error}),
		timings: phases(stream),
		handshakeKeysSeen,
	};
}

/** got takes headers as an object; a name given twice is sent once with the values joined, as HTTP allows. */
function joinRepeated(headers: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
	const joined = new Map<string, [string, string]>();
	for (const [name, value] of headers) {
		const key = name.toLowerCase();
		const previous = joined.get(key);
		joined.set(key, previous ? [previous[0], `${previous[1]}${key === 'cookie' ? '; ' : ', '}${value}`] : [name, value]);
	}

	return [...joined.values()];
}

function phases(stream: Request): Readonly<Record<string, number | undefined>> | undefined {
	const timings = stream.timings;
	return timings ? {...timings.phases} : undefined;
}
