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

	// Indexed by their first characters rather than one big alternation: a HAR can bring thousands of secrets,
	// and a regex alternation would try every one of them at every position.
	const literalIndex = prefixIndex(forms);
	const coreIndex = prefixIndex(cores);
	return text => {
		const out = replaceIndexed(text, literalIndex);
		return coreIndex.size === 0 ? out : out.replace(/[\w+/-]{6,}={0,2}/g, run => replaceIndexed(run, coreIndex) === run ? run : redactedMarker);
	};
}

const prefixLength = minimumSecretLength;

/** Values grouped by their first characters, then by length: lookups stay cheap when thousands share a prefix (JWTs do). */
type PrefixIndex = Map<string, {lengths: number[]; values: Set<string>}>;

function prefixIndex(values: Iterable<string>): PrefixIndex {
	const index: PrefixIndex = new Map();
	for (const value of values) {
		const key = value.slice(0, prefixLength);
		let bucket = index.get(key);
		if (!bucket) {
			bucket = {lengths: [], values: new Set()};
			index.set(key, bucket);
		}

		bucket.values.add(value);
		if (!bucket.lengths.includes(value.length)) {
			bucket.lengths.push(value.length);
		}
	}

	for (const bucket of index.values()) {
		bucket.lengths.sort((a, b) => b - a);
	}

	return index;
}

/** Leftmost, longest-first replacement of every indexed value. */
function replaceIndexed(text: string, index: PrefixIndex): string {
	let out = '';
	let last = 0;
	let position = 0;
	while (position <= text.length - prefixLength) {
		const bucket = index.get(text.slice(position, position + prefixLength));
		const length = bucket?.lengths.find(candidate => bucket.values.has(text.slice(position, position + candidate)));
		if (length === undefined) {
			position++;
			continue;
		}

		out += text.slice(last, position) + redactedMarker;
		position += length;
		last = position;
	}

	return last === 0 ? text : out + text.slice(last);
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
