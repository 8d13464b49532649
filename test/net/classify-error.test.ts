import {expect, test} from 'vitest';
import {classifyError, type ErrorContext} from '../../src/net/classify-error.js';

const context: ErrorContext = {host: 'shop.example', connected: true, midBody: false, handshakeKeysSeen: false, timeoutMs: 8000};

/** Errors shaped as Node raises them (code, syscall, message); got copies `code` onto its RequestError. */
const nodeError = (message: string, fields: Record<string, unknown>): Error => Object.assign(new Error(message), fields);

// The cases the loopback tests cannot stage (a DNS server that is down, clocks, firewalls); the others are
// exercised against real servers in prober-*.test.ts.
test.each([
	['getaddrinfo EAI_AGAIN shop.example', {code: 'EAI_AGAIN', syscall: 'getaddrinfo'}, {}, 'dns', /could not be looked up right now/],
	['certificate is not yet valid', {code: 'CERT_NOT_YET_VALID'}, {}, 'tls-expired', /not valid yet.*clock.*--insecure/],
	['unable to verify the first certificate', {code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'}, {}, 'tls-self-signed', /intermediate certificate.*--insecure/],
	['self-signed certificate in certificate chain', {code: 'SELF_SIGNED_CERT_IN_CHAIN'}, {}, 'tls-self-signed', /self-signed/],
	['Timeout awaiting \'request\' for 8000ms', {code: 'ETIMEDOUT', name: 'TimeoutError'}, {connected: false}, 'timeout', /No connection to shop\.example within 8000 ms/],
	['connect EHOSTUNREACH 10.0.0.9:443', {code: 'EHOSTUNREACH', syscall: 'connect'}, {}, 'other', /no network route/],
	['write EPROTO 00A8:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1605:SSL alert number 40\n', {code: 'EPROTO'}, {}, 'tls-protocol', /share no TLS version or cipher/],
	['write EPROTO 00A8:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1605:SSL alert number 40\n', {code: 'EPROTO'}, {handshakeKeysSeen: true}, 'tls-client-cert', /client certificate/],
	['read ECONNRESET', {code: 'ECONNRESET', syscall: 'read'}, {midBody: true}, 'reset', /middle of the body/],
	['Parse Error: Invalid header value char', {code: 'HPE_INVALID_HEADER_TOKEN'}, {}, 'invalid-http', /not valid HTTP\/1\.1 \(HPE_INVALID_HEADER_TOKEN/],
	['something odd', {}, {}, 'other', /something odd/],
] as const)('%s', (message, fields, overrides, code, words) => {
	const failure = classifyError(nodeError(message, fields), {...context, ...overrides});

	expect(failure.code).toBe(code);
	expect(failure.message).toMatch(words);
	expect(failure.message).not.toMatch(/deps\/openssl|[\da-f]{8}:error/i);
});

test('a thrown non-error still gives a failure', () => {
	expect(classifyError('boom', context)).toEqual({code: 'other', message: 'The request failed: boom.'});
});
