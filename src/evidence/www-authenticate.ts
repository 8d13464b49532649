import type {Role} from '../diagnosis/cause-ids.js';
import {headerValues} from './headers.js';
import type {Finding, ResponseView} from './types.js';

/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1, formerly RFC 7235 §4.1). */
export type Challenge = {
	/** Auth scheme as sent (`Bearer`, `Basic`, …); compare case-insensitively. */
	readonly scheme: string;
	/** Parameters by lower-case name, quoted values unescaped; the first occurrence of a name wins. */
	readonly params: Readonly<Record<string, string>>;
	/** The token68 form (`Negotiate YIIF…`), when the challenge has one instead of parameters. */
	readonly token68?: string;
};

const maxInput = 16_384;
const maxChallenges = 32;
const tokenChars = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;
const token68Prefix = /^[A-Za-z0-9\-._~+/]+=*/;

/**
Parses a `WWW-Authenticate` (or `Proxy-Authenticate`) value into its challenges: several challenges, comma
lists, quoted strings with backslash escapes, token68. Lenient with what servers really send (unquoted values
with spaces, stray commas); never throws.
*/
export function parseWwwAuthenticate(value: string): Challenge[] {
	const input = typeof value === 'string' ? value.slice(0, maxInput) : '';
	const challenges: Challenge[] = [];
	let pos = 0;

	const at = (index: number) => input.charAt(index);
	const skip = (chars: string) => {
		while (pos < input.length && chars.includes(at(pos))) {
			pos++;
		}
	};

	const readToken = () => {
		const start = pos;
		while (pos < input.length && tokenChars.test(at(pos))) {
			pos++;
		}

		return input.slice(start, pos);
	};

	const readQuoted = () => {
		let out = '';
		pos++;
		while (pos < input.length) {
			const char = at(pos);
			if (char === '\\' && pos + 1 < input.length) {
				out += at(pos + 1);
				pos += 2;
				continue;
			}

			pos++;
			if (char === '"') {
				break;
			}

			out += char;
		}

		return out;
	};

	const readParams = (params: Map<string, string>) => {
		for (;;) {
			const save = pos;
			skip(' \t,');
			const name = readToken();
			skip(' \t');
			if (name === '' || at(pos) !== '=') {
				// Not `name=`: the next challenge's scheme (or the end); leave it to the outer loop.
				pos = save;
				return;
			}

			pos++;
			skip(' \t');
			let value: string;
			if (at(pos) === '"') {
				value = readQuoted();
			} else {
				const end = input.indexOf(',', pos);
				value = input.slice(pos, end < 0 ? input.length : end).trim();
				pos = end < 0 ? input.length : end;
			}

			const key = name.toLowerCase();
			if (!params.has(key)) {
				params.set(key, value);
			}
		}
	};

	while (pos < input.length && challenges.length < maxChallenges) {
		skip(' \t,');
		if (pos >= input.length) {
			break;
		}

		const scheme = readToken();
		if (scheme === '') {
			// Junk where a scheme should be: resume after the next comma.
			const comma = input.indexOf(',', pos + 1);
			pos = comma < 0 ? input.length : comma;
			continue;
		}

		skip(' \t');
		const params = new Map<string, string>();
		let token68: string | undefined;
		const candidate = token68Prefix.exec(input.slice(pos, pos + maxInput))?.[0];
		if (candidate !== undefined && /^[ \t]*(?:,|$)/.test(input.slice(pos + candidate.length))) {
			token68 = candidate;
			pos += candidate.length;
		} else {
			readParams(params);
		}

		challenges.push({scheme, params: Object.fromEntries(params), ...(token68 === undefined ? {} : {token68})});
	}

	return challenges;
}

// Includes jose's `"exp" claim timestamp check failed` and Keycloak's "Token is not active".
const expiryWords = /expir|not (?:yet )?(?:active|valid)|lifetime|too old|\bnbf\b|\bexp\b/i;
const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

function credentialsSent(view: ResponseView): boolean {
	const sent = view.requestHeaders ?? {};
	return ['authorization', 'proxy-authorization', 'x-api-key'].some(name => (sent[name] ?? '') !== '');
}

function describe(challenge: Challenge): string {
	const realm = challenge.params['realm'];
	return realm === undefined ? challenge.scheme : `${challenge.scheme} (realm "${clip(realm)}")`;
}

const fixes = {
	scope: (scope: string | undefined): Partial<Record<Role, readonly string[]>> => ({
		api: [scope ? `Get a token that carries the scope ${scope} (re-authorise the client and request that scope).` : 'Get a token with the scope or role this endpoint needs (re-authorise the client with it).'],
		owner: ['Grant the caller the role or scope this route requires, or check that the route asks for the scope you meant.'],
		visitor: ['Your account is signed in but lacks permission here; ask the site\'s administrator to grant it.'],
	}),
	expired: {
		api: ['Refresh the access token (or request a new one) and send the new one.'],
		visitor: ['Sign out and sign in again to get a fresh session.'],
		owner: ['If tokens expire too early, check the issuer\'s token lifetime and the API server\'s clock.'],
	},
	invalid: {
		api: ['Send a fresh token from the issuer this API trusts, for this API\'s audience, as `Authorization: Bearer <token>`.'],
		owner: ['Check the API\'s expected issuer, audience and signing keys (JWKS) against what the token carries.'],
		visitor: ['Sign out and sign in again.'],
	},
	missing: {
		api: ['Send credentials: `Authorization: Bearer <token>` (or the scheme the challenge names).'],
		visitor: ['Sign in first; the page needs an account.'],
		owner: ['If this resource should be public, remove the authentication requirement for its path.'],
	},
} as const;

/**
Reads the `WWW-Authenticate` challenges of a 401/403 (RFC 6750 §3.1 error codes for Bearer) into findings:
`insufficient_scope`, `invalid_token` (expired or not), `invalid_request`, and a bare challenge when no
credentials were sent.
*/
export function readWwwAuthenticate(view: ResponseView): Finding[] {
	const values = headerValues(view.headers ?? {}, 'www-authenticate');
	const challenges = values.flatMap(value => parseWwwAuthenticate(value)).slice(0, maxChallenges);
	if (challenges.length === 0) {
		return [];
	}

	const findings: Finding[] = [{
		code: 'www-authenticate.challenges',
		text: `The server asks for authentication: ${challenges.map(challenge => describe(challenge)).join(', ')}.`,
		mark: 'info',
		data: {challenges: challenges.map(({scheme, params}) => ({scheme, realm: params['realm'], error: params['error'], scope: params['scope']}))},
	}];
	const sent = credentialsSent(view);
	const seen = new Set<string>();
	for (const challenge of challenges) {
		const error = challenge.params['error']?.toLowerCase();
		if (error === undefined || seen.has(error)) {
			continue;
		}

		seen.add(error);
		const description = challenge.params['error_description'];
		const quoted = description ? `: "${clip(description)}"` : '';
		const data = {scheme: challenge.scheme, error, description, scope: challenge.params['scope']};
		if (error === 'insufficient_scope') {
			const scope = challenge.params['scope'];
			findings.push({
				code: 'www-authenticate.insufficient-scope',
				text: `The server says the credentials lack the scope this resource needs (error="insufficient_scope"${scope ? `, scope="${clip(scope)}"` : ''})${quoted}.`,
				supports: {'insufficient-scope': view.status === 403 ? 0.9 : 0.7},
				mark: 'fail',
				fix: fixes.scope(scope),
				data,
			});
		} else if (error === 'invalid_token') {
			const expired = expiryWords.test(description ?? '');
			findings.push({
				code: expired ? 'www-authenticate.token-expired' : 'www-authenticate.token-invalid',
				text: `The server rejected the token as ${expired ? 'expired' : 'invalid'} (error="invalid_token")${quoted}.`,
				supports: expired ? {'token-expired': 0.85} : {'token-invalid': 0.8, 'token-expired': 0.2},
				mark: 'fail',
				fix: expired ? fixes.expired : fixes.invalid,
				data,
			});
		} else if (error === 'invalid_request') {
			findings.push({
				code: 'www-authenticate.invalid-request',
				text: `The server says the authentication request is malformed (error="invalid_request")${quoted}.`,
				supports: sent ? {'token-invalid': 0.5} : {'missing-credentials': 0.6},
				mark: 'fail',
				fix: sent ? fixes.invalid : fixes.missing,
				data,
			});
		} else {
			findings.push({
				code: 'www-authenticate.error',
				text: `The server reports the authentication error "${clip(error)}"${quoted}.`,
				supports: expiryWords.test(`${error} ${description ?? ''}`) ? {'token-expired': 0.5} : {'token-invalid': 0.4},
				mark: 'fail',
				data,
			});
		}
	}

	if (seen.size === 0 && (view.status === 401 || view.status === 403)) {
		findings.push(sent ? {
			code: 'www-authenticate.credentials-rejected',
			text: `The request carried credentials, yet the server answered ${view.status} with a bare ${challenges[0]!.scheme} challenge, which usually means it did not accept them.`,
			supports: view.status === 401 ? {'token-invalid': 0.5, 'token-expired': 0.3} : {'token-invalid': 0.3, 'insufficient-scope': 0.2},
			mark: 'warn',
			fix: fixes.invalid,
		} : {
			code: 'www-authenticate.missing-credentials',
			text: `The server asks for ${describe(challenges[0]!)} credentials and the request carried none.`,
			supports: {'missing-credentials': view.status === 401 ? 0.85 : 0.7},
			mark: 'fail',
			fix: fixes.missing,
		});
	}

	return findings;
}
