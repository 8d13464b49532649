import {createHmac} from 'node:crypto';
import {collectSecrets} from '../../report/redact/index.js';
import {isSecretFieldName, redactedMarker} from '../../report/redact/secret-names.js';
import type {HarCredentialNotes, HarEntry} from './har-types.js';

/**
The secret values in every entry — credentials, cookies (request and response), secret URL and form
parameters, JSON fields like `"password"` — so the redactor can scrub them everywhere, in this HAR and in
the rest of the session.
*/
export function collectHarSecrets(entries: readonly HarEntry[]): string[] {
	const found = new Set<string>();
	for (const entry of entries) {
		const {request, response} = entry;
		const cookiePairs = [...request.cookies, ...response.cookies].filter(cookie => cookie.value.length >= 8 && !cookie.value.includes(redactedMarker)).map(cookie => ['x-har-cookie', cookie.value] as const);
		const headerValues = collectSecrets({
			headers: [request.headers.map(header => [header.name, header.value] as const), response.headers.map(header => [header.name, header.value] as const)],
			urls: [request.url, response.redirectURL],
		});
		for (const value of [...headerValues, ...cookiePairs.map(([, value]) => value), ...formSecrets(entry)]) {
			found.add(value);
		}
	}

	return [...found];
}

function formSecrets(entry: HarEntry): string[] {
	const values: string[] = [];
	const postData = entry.request.postData;
	for (const param of postData?.params ?? []) {
		if (isSecretFieldName(param.name) && param.value) {
			values.push(param.value);
		}
	}

	const body = postData?.text ?? '';
	for (const match of body.matchAll(/(?:^|&)([^=&]+)=([^&]*)/g)) {
		if (isSecretFieldName(safeDecode(match[1]!)) && match[2]) {
			values.push(match[2], safeDecode(match[2]));
		}
	}

	for (const match of body.matchAll(/"([^"\\]{1,80})"\s*:\s*"((?:[^"\\]|\\.){1,4096})"/g)) {
		if (isSecretFieldName(match[1]!)) {
			values.push(match[2]!);
		}
	}

	return values;
}

/**
Fingerprints of the entry's credentials, so entries can be compared after redaction: "the same cookie as the
request that worked" without keeping the cookie. Keyed with `key`, random per import, so a fingerprint cannot be
checked against a guessed value outside this run.
*/
export function noteCredentials(entry: HarEntry, key: Uint8Array): HarCredentialNotes {
	const fingerprint = (value: string) => createHmac('sha256', key).update(value).digest('hex').slice(0, 16);
	const cookies: Record<string, string> = {};
	const cookieHeader = entry.request.headers.filter(header => header.name.toLowerCase() === 'cookie').map(header => header.value).join('; ');
	for (const pair of cookieHeader.split(';')) {
		const equals = pair.indexOf('=');
		if (equals > 0) {
			cookies[pair.slice(0, equals).trim()] = fingerprint(pair.slice(equals + 1).trim());
		}
	}

	for (const cookie of entry.request.cookies) {
		cookies[cookie.name] ??= fingerprint(cookie.value);
	}

	const authorization = entry.request.headers.find(header => header.name.toLowerCase() === 'authorization')?.value;
	return {fingerprints: {...(authorization ? {authorization: fingerprint(authorization)} : {}), cookies}};
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text.replaceAll('+', ' '));
	} catch {
		return text;
	}
}
