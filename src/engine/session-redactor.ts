import {collectSecrets, createRedactor, type Redactor} from '../report/redact/index.js';
import type {SessionInput} from './session-input.js';

/**
A redactor that knows every secret the user handed over: token, cookies, secret headers, URL signatures —
and those of a request learned during the session (a pasted "Copy as cURL" carries its own cookies).
*/
export function sessionRedactor(input: SessionInput, learned: ReadonlyArray<readonly [string, string]> = [], learnedSecrets: readonly string[] = []): Redactor {
	const headers: Array<readonly [string, string]> = [...input.headers, ...learned];
	if (input.cookie !== undefined) {
		headers.push(['Cookie', input.cookie]);
	}

	if (input.token !== undefined) {
		headers.push(['Authorization', `Bearer ${input.token}`]);
	}

	const extraHeaderNames = new Set(input.redactHeaders.map(name => name.toLowerCase()));
	const secrets = collectSecrets({headers: [headers], urls: input.url ? [input.url] : [], extraHeaderNames});
	if (input.token !== undefined) {
		secrets.push(input.token);
	}

	secrets.push(...learnedSecrets);
	return createRedactor({extraHeaderNames: input.redactHeaders, secrets});
}
