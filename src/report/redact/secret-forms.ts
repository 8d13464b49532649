import {Buffer} from 'node:buffer';
import {escapeHtml} from '../../text/escape-html.js';
import {redactedMarker} from './secret-names.js';

/**
Literal secrets shorter than this are only redacted where they sit in a known field (a cookie value, a header):
scrubbing a three-letter value everywhere would shred ordinary words.
*/
export const minimumSecretLength = 4;

/** Base64 characters that depend on the secret alone must be at least this many to count as a match. */
const minimumCoreLength = 6;

/** Replaces every occurrence of the given secrets, in the forms a server or a tool may echo them. */
export type LiteralScrubber = (text: string) => string;

/**
Builds the scrubber. Forms: as given, percent-encoded (upper- and lower-case hex, `+` for spaces), JSON- and
HTML-escaped, hex, and base64 (standard and URL-safe, padded or not) — including the secret inside a larger
base64 value such as `Basic base64(user:password)`, found by the characters that depend only on the secret at
each of the three byte alignments; such a base64 run is replaced whole.
*/
export function createLiteralScrubber(secrets: Iterable<string>): LiteralScrubber {
	const forms = new Set<string>();
	const cores = new Set<string>();
	for (const secret of new Set(secrets)) {
		if (secret.length < minimumSecretLength) {
			continue;
		}

		for (const form of literalForms(secret)) {
			forms.add(form);
		}

		for (const core of base64Cores(secret)) {
			cores.add(core);
		}
	}

	if (forms.size === 0) {
		return text => text;
	}

	const literal = new RegExp([...forms].sort((a, b) => b.length - a.length).map(form => escapeRegExp(form)).join('|'), 'g');
	const coreList = [...cores];
	return text => {
		let out = text.replace(literal, redactedMarker);
		if (coreList.length > 0) {
			out = out.replace(/[\w+/-]{6,}={0,2}/g, run => coreList.some(core => run.includes(core)) ? redactedMarker : run);
		}

		return out;
	};
}

function literalForms(secret: string): string[] {
	const encoded = encodeURIComponent(secret);
	const bytes = Buffer.from(secret, 'utf8');
	const base64 = bytes.toString('base64');
	const json = JSON.stringify(secret).slice(1, -1);
	return [
		secret,
		encoded,
		encoded.replace(/%[\dA-F]{2}/g, escape => escape.toLowerCase()),
		encoded.replaceAll('%20', '+'),
		encodeURI(secret),
		json,
		json.replaceAll('/', '\\/'),
		escapeHtml(secret),
		base64,
		base64.replace(/=+$/, ''),
		bytes.toString('base64url'),
		bytes.toString('hex'),
		bytes.toString('hex').toUpperCase(),
	];
}

/** For each alignment k of the secret inside a byte stream, the base64 characters that only it determines. */
function base64Cores(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const cores: string[] = [];
	for (let k = 0; k < 3; k++) {
		const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64').replace(/=+$/, '');
		const first = Math.ceil((8 * k) / 6);
		const last = Math.floor(((8 * (k + bytes.length)) - 6) / 6);
		const core = encoded.slice(first, last + 1);
		if (core.length >= minimumCoreLength) {
			cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
		}
	}

	return cores;
}

function escapeRegExp(text: string): string {
	return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
