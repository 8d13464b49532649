import type {HeaderMap} from '../../evidence/types.js';

/** The request a paste shows or implies; enough to send it again. */
export type PastedRequest = {
	readonly method: string;
	/** Absolute when the paste says where it went; otherwise the request target as written. */
	readonly url: string;
	/** Names as written, in order; the shape of `ProbeRequest.headers`. */
	readonly headers: ReadonlyArray<readonly [string, string]>;
	readonly body?: string;
};

export type PastedResponse = {
	/** 0 when the paste has no status (DevTools header copies without a status line or `:status`). */
	readonly status: number;
	readonly statusText: string;
	/** `1.1`, `2`, `3`; empty when unknown. */
	readonly httpVersion: string;
	/** Lower-case names; a repeated header keeps every value. */
	readonly headers: HeaderMap;
	readonly body: string;
};

/** An earlier response of the same exchange (a redirect, `100 Continue`, a proxy's CONNECT answer). */
export type PastedHop = {
	readonly status: number;
	readonly statusText: string;
	readonly location?: string;
};

/** What `curl -v` said about the connection: useful evidence for TLS and "wrong host" causes. */
export type ConnectionInfo = {
	readonly host?: string;
	readonly ip?: string;
	readonly port?: number;
	readonly tlsVersion?: string;
	readonly cipher?: string;
	readonly alpn?: string;
	readonly certificate?: {readonly subject?: string; readonly issuer?: string; readonly startDate?: string; readonly expireDate?: string; readonly verified?: boolean};
};

export type PasteFormat = 'curl-verbose' | 'http' | 'httpie' | 'devtools-headers' | 'curl-command';

export type PastedExchange = {
	readonly format: PasteFormat;
	readonly request?: PastedRequest;
	/** The last response; earlier ones are in `chain`. */
	readonly response?: PastedResponse;
	/** Earlier responses, first to last. */
	readonly chain: readonly PastedHop[];
	readonly connection?: ConnectionInfo;
	/** For a curl command: options that change how it must be re-sent. */
	readonly options?: {readonly insecure?: boolean; readonly followRedirects?: boolean; readonly compressed?: boolean};
	/** Things the parser saw but could not use (`-d @file`, an unknown option), one sentence each. */
	readonly warnings: readonly string[];
};
