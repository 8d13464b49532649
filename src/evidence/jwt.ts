import {clockSkewThresholdMs, formatDuration, isoTime, timeVerdict, type TimeVerdict} from './clock.js';
import {redactedMarker} from '../report/redact/secret-names.js';
import type {Finding} from './types.js';

/** A JWS compact token's readable parts. The signature is never kept. */
export type DecodedJwt = {
	readonly header: Readonly<Record<string, unknown>>;
	readonly claims: Readonly<Record<string, unknown>>;
};

/** Why a string could not be read as a JWT. */
export type JwtDecodeError = {readonly error: string};

const maxTokenLength = 16_384;
const segment = /^[A-Za-z0-9_-]*={0,2}$/;
const utf8 = new TextDecoder('utf-8', {fatal: true});

function decodeSegment(part: string): Record<string, unknown> | undefined {
	if (part === '' || !segment.test(part)) {
		return undefined;
	}

	try {
		const parsed: unknown = JSON.parse(utf8.decode(Buffer.from(part.replace(/=+$/, ''), 'base64url')));
		return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : undefined;
	} catch {
		return undefined;
	}
}

/** Removes whitespace (tokens pasted across lines) and a leading `Bearer `. */
function normalise(token: string): string {
	return token.trim().replace(/^bearer\s+/i, '').replace(/\s+/g, '');
}

/** True when `s` is a JWS compact token: three base64url parts whose first decodes to a JSON object. */
export function looksLikeJwt(s: string): boolean {
	if (typeof s !== 'string' || s.length > maxTokenLength * 2) {
		return false;
	}

	const parts = normalise(s).split('.');
	return parts.length === 3 && decodeSegment(parts[0] ?? '') !== undefined;
}

/**
Decodes a JWS compact token (RFC 7519/7515) without verifying it: base64url without padding (padding and
whitespace tolerated), bounded size. Returns `{error}` for anything else, including encrypted JWE. Never throws.
*/
export function decodeJwt(token: string): DecodedJwt | JwtDecodeError {
	if (typeof token !== 'string') {
		return {error: 'The token is not text.'};
	}

	const compact = normalise(token.slice(0, maxTokenLength * 2));
	if (compact.length > maxTokenLength) {
		return {error: `The token is longer than ${maxTokenLength} characters.`};
	}

	const parts = compact.split('.');
	if (parts.length === 5) {
		return {error: 'The token is an encrypted JWT (JWE); its claims can only be read by its recipient.'};
	}

	if (parts.length !== 3) {
		return {error: `A JWT has three dot-separated parts; this token has ${parts.length}.`};
	}

	const header = decodeSegment(parts[0] ?? '');
	if (!header) {
		return {error: 'The JWT header is not base64url-encoded JSON.'};
	}

	const claims = decodeSegment(parts[1] ?? '');
	if (!claims) {
		return {error: 'The JWT payload is not base64url-encoded JSON.'};
	}

	// The signature is never checked here, so one redacted by a HAR export or a ticket still lets the claims be read.
	if (parts[2] !== redactedMarker && !segment.test(parts[2] ?? '')) {
		return {error: 'The JWT signature is not base64url.'};
	}

	return {header, claims};
}

const timeClaims = ['exp', 'nbf', 'iat'] as const;
const scopeClaims = ['scope', 'scp', 'roles', 'permissions', 'groups'] as const;
const maxShown = 60;

function shown(value: unknown): string {
	let text: string;
	try {
		text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}

	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
The header and claims as display lines (`name: value`), NumericDates annotated with their ISO time. Never
includes the signature; long values are cut.
*/
export function describeClaims(decoded: DecodedJwt): string {
	const lines = [`header: ${shown(decoded.header)}`];
	for (const [name, value] of Object.entries(decoded.claims).slice(0, maxShown)) {
		const isTime = (timeClaims as readonly string[]).includes(name) && typeof value === 'number';
		lines.push(`${name}: ${shown(value)}${isTime ? ` (${isoTime(value * 1000)})` : ''}`);
	}

	return lines.join('\n');
}

/** Options for {@link readToken}. Times are ms since the epoch. */
export type ReadTokenOptions = {
	/** Local time the token was used. */
	readonly now: number;
	/** The server's time (`Date` + `Age`) from the response that refused the token, when known. */
	readonly serverDate?: number;
	/** Audience the API expects (its identifier); compared with `aud`. */
	readonly expectedAudience?: string | readonly string[];
	/** Forgiveness for expiry and not-before, in seconds; 60 by default, as most verifiers allow. */
	readonly leewaySeconds?: number;
};

/** What {@link readToken} found; `decoded` is present for a readable JWT. */
export type TokenReading = {readonly decoded?: DecodedJwt; readonly findings: Finding[]};

const signatureNote: Finding = {
	code: 'jwt.signature-unchecked',
	text: 'The token\'s signature cannot be checked without the issuer\'s key; fix403 only reads its claims.',
	mark: 'info',
};

const fixExpired = {
	api: ['Refresh the token (or request a new one) before calling; refresh a little before `exp`, not after.'],
	visitor: ['Sign out and sign in again to get a fresh token.'],
	owner: ['If tokens expire sooner than clients expect, check the issuer\'s token lifetime.'],
} as const;
const fixInvalid = {
	api: ['Get a new token from the issuer this API trusts, for this API\'s audience.'],
	owner: ['Compare the API\'s expected issuer and audience with the token\'s `iss` and `aud`.'],
} as const;

/**
Reads a bearer token: decodes a JWT and judges `exp`/`nbf`/`iat` (NumericDate seconds; millisecond mistakes
detected) against the local clock and the server's, `aud`, `iss` and scopes. Opaque tokens are reported as
such. Never throws.
*/
export function readToken(token: string, options: ReadTokenOptions): TokenReading {
	const decoded = decodeJwt(token);
	if ('error' in decoded) {
		const compact = typeof token === 'string' ? normalise(token.slice(0, 64)) : '';
		const meantAsJwt = compact.startsWith('eyJ') || decoded.error.includes('encrypted') || /^[\w-]+\.[\w-]+\.[\w-]*$/.test(compact);
		if (decoded.error.includes('encrypted')) {
			return {findings: [{code: 'jwt.encrypted', text: decoded.error, mark: 'info'}]};
		}

		return {findings: [meantAsJwt ? {
			code: 'jwt.malformed',
			text: `The token looks like a JWT but cannot be read: ${decoded.error}`,
			supports: {'token-invalid': 0.6},
			mark: 'fail',
			fix: fixInvalid,
		} : {
			code: 'token.opaque',
			text: 'The token is opaque (not a JWT), so only its issuer can tell whether it is expired or what it grants (for example through token introspection).',
			mark: 'info',
		}]};
	}

	return {decoded, findings: [...judgeClaims(decoded, options), signatureNote]};
}

function judgeClaims(decoded: DecodedJwt, options: ReadTokenOptions): Finding[] {
	const {claims, header} = decoded;
	const findings: Finding[] = [];
	const leewayMs = Math.max(0, options.leewaySeconds ?? 60) * 1000;
	const times: Partial<Record<(typeof timeClaims)[number], number>> = {};
	for (const name of timeClaims) {
		const value = claims[name];
		if (value === undefined) {
			continue;
		}

		if (typeof value !== 'number' || !Number.isFinite(value)) {
			findings.push({code: `jwt.${name}-not-numeric`, text: `The token's \`${name}\` is ${shown(value)}, not a number of seconds; many verifiers reject that.`, supports: {'token-invalid': 0.5}, mark: 'fail', fix: fixInvalid});
			continue;
		}

		// NumericDate is seconds. Above 1e11 s (year 5138) the issuer almost surely wrote milliseconds.
		if (value > 1e11) {
			findings.push({
				code: `jwt.${name}-in-milliseconds`,
				text: `The token's \`${name}\` (${value}) looks like milliseconds, but JWT times are seconds: read as seconds it is thousands of years ahead.`,
				supports: name === 'exp' ? {'token-invalid': 0.2} : {'token-invalid': 0.6},
				mark: 'warn',
				fix: {owner: [`Issue \`${name}\` in seconds (for example \`Math.floor(Date.now() / 1000)\`).`]},
			});
		}

		times[name] = value * 1000;
	}

	const window = {expiresAt: times.exp, notBefore: times.nbf};
	const local = timeVerdict(options.now, window, leewayMs);
	const server = options.serverDate === undefined ? undefined : timeVerdict(options.serverDate, window, leewayMs);
	const skew = options.serverDate === undefined ? undefined : options.serverDate - options.now;
	findings.push(...judgeWindow(times, local, server, options));
	const notYet = local === 'not-yet-valid' || server === 'not-yet-valid';
	if (skew !== undefined && Math.abs(skew) > clockSkewThresholdMs && (local !== server || notYet)) {
		findings.push({
			code: 'jwt.clock-skew',
			text: `The server's clock is ${formatDuration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} this computer's, enough to change whether the token counts as valid.`,
			supports: {'clock-skew': local === server ? 0.5 : 0.6},
			mark: 'warn',
			data: {offsetMs: skew},
			fix: {api: ['Sync the clocks of the client, the issuer and the API with NTP.']},
		});
	}

	if (times.iat !== undefined && times.iat > (options.serverDate ?? options.now) + leewayMs && times.iat < 1e14) {
		findings.push({code: 'jwt.issued-in-future', text: `The token says it was issued ${formatDuration(times.iat - (options.serverDate ?? options.now))} in the future (iat ${isoTime(times.iat)}); the issuer's clock is ahead, and strict verifiers reject such tokens.`, supports: {'clock-skew': 0.3, 'token-invalid': 0.3}, mark: 'warn'});
	}

	if (typeof header['alg'] === 'string' && header['alg'].toLowerCase() === 'none') {
		findings.push({code: 'jwt.unsigned', text: 'The token is unsigned (alg "none"); servers reject such tokens.', supports: {'token-invalid': 0.7}, mark: 'fail', fix: fixInvalid});
	}

	findings.push(...judgeAudience(claims, options.expectedAudience));
	const granted = scopeClaims.flatMap(name => listOf(claims[name]).map(value => `${name}:${value}`));
	if (granted.length > 0) {
		findings.push({code: 'jwt.scopes', text: `The token grants ${granted.slice(0, 20).join(', ')}${granted.length > 20 ? ' …' : ''}.`, mark: 'info', data: {scopes: granted.slice(0, 100)}});
	}

	return findings;
}

function judgeWindow(times: Partial<Record<string, number>>, local: TimeVerdict, server: TimeVerdict | undefined, options: ReadTokenOptions): Finding[] {
	const {exp, nbf} = times;
	const judge = server ?? local;
	const serverSays = (at: number) => (options.serverDate === undefined ? '' : `; by the server's clock ${relative(at, options.serverDate)}`);
	if (exp !== undefined && (local === 'expired' || server === 'expired')) {
		// The server is the judge; when only the local clock says "expired" the token is not why it failed.
		const strong = judge === 'expired';
		return [{
			code: 'jwt.expired',
			text: `The token expired at ${isoTime(exp)}: by this computer's clock ${relative(exp, options.now)}${serverSays(exp)}.`,
			supports: strong ? {'token-expired': 0.9} : {'token-expired': 0.3, 'clock-skew': 0.4},
			mark: strong ? 'fail' : 'warn',
			fix: fixExpired,
			data: {exp: exp / 1000, local, server},
		}];
	}

	if (nbf !== undefined && (local === 'not-yet-valid' || server === 'not-yet-valid')) {
		const strong = judge === 'not-yet-valid';
		return [{
			code: 'jwt.not-yet-valid',
			text: `The token is not yet valid: it starts at ${isoTime(nbf)}, by this computer's clock ${relative(nbf, options.now)}${serverSays(nbf)}.`,
			supports: strong ? {'token-expired': 0.8, 'clock-skew': 0.3} : {'token-expired': 0.2, 'clock-skew': 0.4},
			mark: strong ? 'fail' : 'warn',
			fix: {...fixExpired, api: ['Check the clock of the machine that issued the token; verifiers allow little leeway for `nbf`.']},
			data: {nbf: nbf / 1000, local, server},
		}];
	}

	if (exp === undefined) {
		return [{code: 'jwt.no-expiry', text: 'The token has no expiry (`exp`).', mark: 'info'}];
	}

	return [{
		code: 'jwt.within-validity',
		text: `The token is within its validity window; it expires at ${isoTime(exp)} (${relative(exp, server === undefined ? options.now : options.serverDate ?? options.now)}).`,
		supports: {'token-expired': -0.6},
		mark: 'ok',
		data: {exp: exp / 1000},
	}];
}

/** "3 min ago" or "in 3 min". */
function relative(at: number, now: number): string {
	return at <= now ? `${formatDuration(now - at)} ago` : `in ${formatDuration(at - now)}`;
}

function listOf(value: unknown): string[] {
	if (typeof value === 'string') {
		return value.split(/\s+/).filter(Boolean).slice(0, 100);
	}

	return Array.isArray(value) ? value.filter(item => typeof item === 'string' || typeof item === 'number').slice(0, 100).map(String) : [];
}

function judgeAudience(claims: Readonly<Record<string, unknown>>, expected: string | readonly string[] | undefined): Finding[] {
	const raw = claims['aud'];
	const aud = typeof raw === 'string' ? [raw] : listOf(raw);
	const iss = typeof claims['iss'] === 'string' ? claims['iss'] : undefined;
	const facts = [aud.length > 0 ? `for audience ${aud.map(value => `"${shown(value)}"`).join(', ')}` : 'for no particular audience', iss ? `issued by "${shown(iss)}"` : undefined].filter(Boolean);
	const findings: Finding[] = [{code: 'jwt.audience', text: `The token is ${facts.join(', ')}.`, mark: 'info', data: {aud, iss}}];
	const wanted = expected === undefined ? [] : (typeof expected === 'string' ? [expected] : [...expected]);
	if (wanted.length > 0 && aud.length > 0 && !aud.some(value => wanted.includes(value))) {
		findings.push({
			code: 'jwt.wrong-audience',
			text: `The token is for ${aud.map(value => `"${shown(value)}"`).join(', ')}, not for ${wanted.map(value => `"${shown(value)}"`).join(' or ')}.`,
			supports: {'token-invalid': 0.7},
			mark: 'fail',
			fix: fixInvalid,
		});
	}

	return findings;
}
