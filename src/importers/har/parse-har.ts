import {Buffer} from 'node:buffer';
import {randomBytes} from 'node:crypto';
import {createRedactor, type Redactor} from '../../report/redact/index.js';
import {collectHarSecrets, noteCredentials} from './har-credentials.js';
import {HarError} from './har-error.js';
import type {Har} from './har-types.js';
import {normalizeHar} from './normalize-har.js';
import {redactHar} from './redact-har.js';

export type ParseHarOptions = {
	/** The session's redactor; its names and secrets apply too. */
	readonly redactor?: Redactor;
	/** Default 200 MB. */
	readonly maxBytes?: number;
	/** Default 100 000. */
	readonly maxEntries?: number;
};

export type ParsedHar = {
	/** Validated, completed and already redacted: nothing downstream sees a secret from the file. */
	readonly har: Har;
	/** The secret values found in the file (credentials, cookies, secret parameters). */
	readonly secrets: readonly string[];
	/** The session's redactor extended with `secrets`: use it for everything else in this session. */
	readonly redactor: Redactor;
};

export const defaultMaxHarBytes = 200 * 1024 * 1024;
export const defaultMaxHarEntries = 100_000;

/**
Reads a HAR file (text or bytes, UTF-8, BOM accepted) from Chrome, Firefox, Safari, Charles, Fiddler or
mitmproxy: checks its size and shape, notes credential fingerprints for comparisons, then redacts it before
returning. Throws `HarError` with a one-line message for anything it cannot use.
*/
export function parseHar(input: string | Uint8Array, options: ParseHarOptions = {}): ParsedHar {
	const maxBytes = options.maxBytes ?? defaultMaxHarBytes;
	const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
	if (size > maxBytes) {
		throw new HarError('har-too-large', `The HAR file is ${Math.ceil(size / 1024 / 1024)} MB; at most ${Math.floor(maxBytes / 1024 / 1024)} MB are read. Export only the requests around the failure.`);
	}

	const text = (typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input)).replace(/^\uFEFF/, '');
	if (text.trim() === '') {
		throw new HarError('har-empty', 'The HAR file is empty.');
	}

	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
		throw new HarError('har-not-json', `The HAR file is not JSON: ${detail}`, {cause: error});
	}

	const har = normalizeHar(json, options.maxEntries ?? defaultMaxHarEntries);
	const key = randomBytes(32);
	for (const entry of har.log.entries) {
		entry._fix403 = noteCredentials(entry, key);
	}

	const base = options.redactor ?? createRedactor();
	const secrets = collectHarSecrets(har.log.entries);
	const importRedactor = createRedactor({...base.options, secrets: [...base.secrets, ...secrets], keepJwtClaims: true});
	return {har: redactHar(har, importRedactor), secrets, redactor: base.withSecrets(secrets)};
}
