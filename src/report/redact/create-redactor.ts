import type {HeaderMap} from '../../evidence/types.js';
import type {Report} from '../types.js';
import {collectSecrets} from './collect-secrets.js';
import type {RedactContext} from './context.js';
import {redactCurl} from './redact-curl.js';
import {redactHeaderValue} from './redact-header-value.js';
import {redactReport, secretsInReport} from './redact-report.js';
import {redactJwtSignatures, redactText} from './redact-text.js';
import {redactQuery, redactUrl} from './redact-url.js';
import {createLiteralScrubber} from './secret-forms.js';

export type RedactorOptions = {
	/** More header names whose values are secret (case-insensitive), e.g. `X-Tenant-Key`. */
	readonly extraHeaderNames?: readonly string[];
	/**
	Literal secret values the user gave (token, cookie values, header values): scrubbed wherever they appear,
	also percent-encoded, JSON/HTML-escaped, hex and base64 forms. Values under 4 characters are only redacted in
	their own fields.
	*/
	readonly secrets?: readonly string[];
	/**
	Keep a bearer JWT's header and claims in `Authorization` (`Bearer h.c.[redacted]`), so the token's expiry can
	still be judged from a redacted capture (HAR import). Off by default: `Bearer [redacted]`.
	*/
	readonly keepJwtClaims?: boolean;
};

/** Replaces secrets with `[redacted]`; every function returns a redacted copy and never mutates its input. */
export type Redactor = {
	/** The literal secrets this redactor scrubs. */
	readonly secrets: readonly string[];
	/** The options it was made with (secrets included). */
	readonly options: RedactorOptions;
	headers(headers: HeaderMap): HeaderMap;
	headerPairs(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]>;
	headerValue(name: string, value: string): string;
	url(url: string): string;
	/** A query string or form body without the `?`: `a=1&token=x` → `a=1&token=[redacted]`. */
	query(query: string): string;
	text(text: string): string;
	curl(command: string): string;
	/**
	Every string of the report. First collects the secrets the report itself carries (request credentials and
	cookies, Set-Cookie values, secret URL parameters), so a server that echoes them is scrubbed too.
	*/
	report(report: Report): Report;
	/** A redactor that also scrubs these values. */
	withSecrets(secrets: readonly string[]): Redactor;
};

export function createRedactor(options: RedactorOptions = {}): Redactor {
	const extraHeaderNames = new Set((options.extraHeaderNames ?? []).map(name => name.trim().toLowerCase()));
	const secrets = [...new Set(options.secrets ?? [])];
	const scrubLiterals = createLiteralScrubber(secrets);
	const context: RedactContext = {
		extraHeaderNames,
		keepJwtClaims: options.keepJwtClaims ?? false,
		scrub: text => redactJwtSignatures(scrubLiterals(text)),
		text: text => redactText(text, context),
		url: url => redactUrl(url, context),
	};

	const redactor: Redactor = {
		secrets,
		options: {...options, secrets},
		// Object.fromEntries keeps a header named `__proto__` as an ordinary key.
		headers: headers => Object.fromEntries(Object.entries(headers).map(([name, value]) => [
			name,
			Array.isArray(value) ? value.map(one => redactHeaderValue(name, one, context)) : redactHeaderValue(name, value, context),
		])) as HeaderMap,
		headerPairs: pairs => pairs.map(([name, value]) => [name, redactHeaderValue(name, value, context)]),
		headerValue: (name, value) => redactHeaderValue(name, value, context),
		url: context.url,
		query: query => context.scrub(redactQuery(query, context)),
		text: context.text,
		curl: command => redactCurl(command, context),
		report(report) {
			const found = secretsInReport(report, extraHeaderNames);
			const complete = found.every(secret => secrets.includes(secret)) ? redactor : redactor.withSecrets(found);
			return redactReport(report, complete);
		},
		withSecrets: more => createRedactor({...options, secrets: [...secrets, ...more]}),
	};
	return redactor;
}

export {collectSecrets};
