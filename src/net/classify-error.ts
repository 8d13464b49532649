import {maxHeaderSize} from 'node:http';
import type {ProbeFailure, ProbeFailureCode} from './probe-types.js';

/** What the prober knew when the error came, beyond the error itself. */
export type ErrorContext = {
	/** `host:port` or host, for the message. */
	readonly host: string;
	/** The TCP connection was established (false: the error came while connecting). */
	readonly connected: boolean;
	/** The response had started (status and headers were read) when the error came. */
	readonly midBody: boolean;
	/** TLS key material was derived before the error: the server accepted our protocol and cipher. */
	readonly handshakeKeysSeen: boolean;
	readonly timeoutMs: number;
};

const insecureHint = ' A browser would show a certificate warning too; `--insecure` looks past certificate problems to see what the server answers.';

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_HTTP_CONTENT_LENGTH_MISMATCH']);
const selfSignedCodes = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const untrustedCodes = new Set(['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_UNTRUSTED']);
const protocolCodes = new Set([
	'ERR_SSL_UNSUPPORTED_PROTOCOL',
	'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
	'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
	'ERR_SSL_VERSION_TOO_LOW',
	'ERR_SSL_NO_SHARED_CIPHER',
	'ERR_SSL_NO_CIPHERS_AVAILABLE',
	'ERR_SSL_DH_KEY_TOO_SMALL',
]);
const clientCertCodes = new Set(['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE']);

/**
Turns whatever a request threw (got wraps Node's and OpenSSL's errors and copies their `code`) into a stable
failure code and a sentence for people. Pure: the caller supplies what it observed around the error.
*/
export function classifyError(error: unknown, context: ErrorContext): ProbeFailure {
	const code = errorCode(error);
	const text = errorMessage(error);
	const fail = (failureCode: ProbeFailureCode, message: string): ProbeFailure => ({code: failureCode, message, ...(code ? {errorCode: code} : {})});
	const {host} = context;

	if (code === 'ERR_ABORTED' || errorName(error) === 'AbortError') {
		return fail('aborted', 'Cancelled before the answer was complete.');
	}

	if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || errorName(error) === 'TimeoutError') {
		if (!context.connected) {
			return fail('timeout', `No connection to ${host} within ${context.timeoutMs} ms: the host is down, or a firewall drops the packets silently.`);
		}

		return fail('timeout', context.midBody
			? `${host} started answering but the body was still arriving after ${context.timeoutMs} ms; what arrived so far is kept.`
			: `${host} accepted the connection but sent no answer within ${context.timeoutMs} ms.`);
	}

	if (code && dnsCodes.has(code)) {
		return fail('dns', code === 'EAI_AGAIN'
			? `The name ${host} could not be looked up right now (DNS server unreachable or timing out). Check the network and DNS settings.`
			: `The name ${host} does not resolve (DNS: ${code}). Check the spelling, or whether the name exists in public DNS.`);
	}

	if (code === 'ECONNREFUSED') {
		return fail('refused', `Nothing accepts connections at ${host} (connection refused): the server is down, or a firewall rejects this port.`);
	}

	if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
		return fail('other', `There is no network route to ${host} (${code}).`);
	}

	const tls = classifyTls(code, text, context, error);
	if (tls) {
		return fail(tls.code, tls.message);
	}

	if (code === 'HPE_HEADER_OVERFLOW') {
		return fail('invalid-http', `${host} sent more response headers than Node.js accepts (${maxHeaderSize / 1024} KiB in all, its maxHeaderSize): too many or too large headers, often a cookie pile-up or a misbehaving proxy.`);
	}

	if (code?.startsWith('HPE_')) {
		return fail('invalid-http', `${host} answered with something that is not valid HTTP/1.1 (${code}: ${text}). A non-HTTP service on this port, or a broken proxy, does this.`);
	}

	if (code && resetCodes.has(code) || /socket hang up/i.test(text)) {
		return fail('reset', context.midBody
			? `${host} closed the connection in the middle of the body (${code ?? 'reset'}); what arrived so far is kept.`
			: `${host} closed the connection without answering (${code ?? 'reset'}). A firewall, a WAF or an overloaded server can do this.`);
	}

	if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN' || code === 'ERR_HTTP_INVALID_HEADER_VALUE') {
		return fail('other', `The request could not be sent as written: ${text}`);
	}

	return fail('other', `The request failed: ${text}${code ? ` (${code})` : ''}.`);
}

function classifyTls(code: string | undefined, text: string, context: ErrorContext, error: unknown): {code: ProbeFailureCode; message: string} | undefined {
	const {host} = context;
	if (code && selfSignedCodes.has(code)) {
		return {code: 'tls-self-signed', message: `The certificate of ${host} is self-signed: no trusted authority vouches for it.${insecureHint}`};
	}

	if (code && untrustedCodes.has(code)) {
		return {code: 'tls-self-signed', message: `The certificate of ${host} cannot be traced to a trusted authority (${code}): a private CA, or the server does not send its intermediate certificate.${insecureHint}`};
	}

	if (code === 'CERT_HAS_EXPIRED') {
		return {code: 'tls-expired', message: `The certificate of ${host} has expired.${insecureHint}`};
	}

	if (code === 'CERT_NOT_YET_VALID') {
		return {code: 'tls-expired', message: `The certificate of ${host} is not valid yet: it was issued for a later date, or this computer's clock is wrong.${insecureHint}`};
	}

	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
		const names = certificateNames(error);
		return {code: 'tls-hostname', message: `The certificate of ${host} is for other names${names ? ` (${names})` : ''}, not for this one.${insecureHint}`};
	}

	if (code && clientCertCodes.has(code) || /certificate required|alert number 116/i.test(text)) {
		return {code: 'tls-client-cert', message: `${host} requires a client certificate (mutual TLS) and we sent none; it ended the handshake with "certificate required". \`--insecure\` does not help here: the server needs a certificate it trusts.`};
	}

	const handshakeFailure = code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' || /alert handshake failure|alert number 40\b/i.test(text);
	if (handshakeFailure && context.handshakeKeysSeen) {
		// TLS 1.2 has no "certificate required" alert. A failure that comes after both sides agreed on protocol and
		// cipher (keys were derived) is the server rejecting the empty certificate we sent when it asked for one.
		return {code: 'tls-client-cert', message: `${host} ended the TLS handshake after asking for a client certificate (mutual TLS), which we do not have. \`--insecure\` does not help here.`};
	}

	if (handshakeFailure || code && protocolCodes.has(code) || /alert protocol version|unsupported protocol|no shared cipher|no protocols available/i.test(text)) {
		return {code: 'tls-protocol', message: `${host} and this client share no TLS version or cipher (${code ?? 'handshake failure'}): the server probably offers only TLS 1.0/1.1 or obsolete ciphers, which are disabled as insecure.`};
	}

	if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text)) {
		return {code: 'tls-protocol', message: `${host} did not answer in TLS (${code ?? 'wrong version number'}): is this port plain HTTP? Try http:// instead of https://.`};
	}

	if (code?.startsWith('ERR_SSL_') || code?.startsWith('ERR_TLS_') || code?.startsWith('CERT_') || code === 'EPROTO') {
		return {code: 'tls-other', message: `The TLS connection to ${host} failed (${code}: ${text}).`};
	}

	return undefined;
}

/** The names a certificate is for, from Node's hostname error (got keeps the original as `cause`). */
function certificateNames(error: unknown): string | undefined {
	for (let current = error, depth = 0; current && depth < 3; current = (current as {cause?: unknown}).cause, depth++) {
		const san = (current as {cert?: {subjectaltname?: unknown}}).cert?.subjectaltname;
		if (typeof san === 'string') {
			return san.replaceAll(/\b(?:DNS|IP Address):/g, '').slice(0, 300);
		}
	}

	return undefined;
}

function errorCode(error: unknown): string | undefined {
	const code = (error as {code?: unknown} | undefined)?.code;
	return typeof code === 'string' && code !== 'ERR_GOT_REQUEST_ERROR' ? code : undefined;
}

function errorName(error: unknown): string | undefined {
	const name = (error as {name?: unknown} | undefined)?.name;
	return typeof name === 'string' ? name : undefined;
}

function errorMessage(error: unknown): string {
	const message = (error as {message?: unknown} | undefined)?.message;
	// OpenSSL messages carry a source path and line ("…:../deps/openssl/…:1601:SSL alert number 40"); keep the words.
	return typeof message === 'string' ? message.replaceAll(/[\da-f]{8,}:error:[\da-f]+:/gi, '').replaceAll(/:\.\.\/deps\/\S+:\d+:/g, ': ').trim() : String(error);
}
