import type {HeaderMap} from '../../evidence/types.js';
import {collectSecrets} from '../../report/redact/index.js';
import type {PastedExchange} from './types.js';

/**
The secret values a paste carries (the request's credentials and cookies, Set-Cookie values, secret URL
parameters), to give the session's redactor before anything from the paste is shown or stored:
`redactor.withSecrets(secretsInPaste(exchange))`.
*/
export function secretsInPaste(exchange: PastedExchange): string[] {
	const headers: HeaderMap[] = exchange.response ? [exchange.response.headers] : [];
	return collectSecrets({
		headers: [...(exchange.request ? [exchange.request.headers] : []), ...headers],
		urls: [...(exchange.request ? [exchange.request.url] : []), ...exchange.chain.flatMap(hop => hop.location ?? [])],
	});
}
