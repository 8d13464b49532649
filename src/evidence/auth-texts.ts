import type {CauseId} from '../diagnosis/cause-ids.js';
import type {Finding, ResponseView} from './types.js';

const maxBody = 65_536;
const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: ' ', rsquo: '\'', lsquo: '\'', ldquo: '"', rdquo: '"'};

/** Removes `<script>` and `<style>` elements in one pass (an unclosed one swallows the rest). */
function dropScripts(html: string): string {
	const lower = html.toLowerCase();
	const opening = /<(script|style)\b/g;
	let out = '';
	let pos = 0;
	for (let match = opening.exec(lower); match; match = opening.exec(lower)) {
		if (match.index < pos) {
			continue;
		}

		out += `${html.slice(pos, match.index)} `;
		const close = lower.indexOf(`</${match[1]!}`, match.index);
		if (close < 0) {
			return out;
		}

		const end = lower.indexOf('>', close);
		pos = end < 0 ? html.length : end + 1;
		opening.lastIndex = pos;
	}

	return out + html.slice(pos);
}

/** The readable text of a body: scripts, styles and tags dropped, common entities decoded, whitespace collapsed. */
export function bodyText(body: string): string {
	if (typeof body !== 'string') {
		return '';
	}

	return dropScripts(body.slice(0, maxBody))
		// `[^<>]`, not `[^>]`: a run of unclosed `<` must not make every one of them scan ahead.
		.replaceAll(/<[^<>]{0,2048}>/g, ' ')
		.replaceAll(/&(?:#(\d{1,6})|#x([\da-f]{1,5})|([a-z]{2,6}));/gi, (whole, dec?: string, hex?: string, name?: string) => {
			const code = dec === undefined ? (hex === undefined ? undefined : Number.parseInt(hex, 16)) : Number(dec);
			if (code !== undefined) {
				return code > 0 && code <= 0x10_FF_FF ? String.fromCodePoint(code) : whole;
			}

			return entities[name?.toLowerCase() ?? ''] ?? whole;
		})
		.replaceAll(/\s+/g, ' ')
		.trim();
}

/**
Replaces long token-like runs (24+ base64-ish characters with a digit) by `[redacted]`, so quoting a server's
text cannot quote a token or session id it echoed.
*/
export function maskTokens(text: string): string {
	return text.replaceAll(/[\w+=-]{24,}/g, run => (/\d/.test(run) ? '[redacted]' : run));
}

/** String values of the usual error fields of a JSON body (`error`, `message`, `detail`, …, one level deep). */
export function jsonMessages(body: string): string[] {
	if (typeof body !== 'string' || body.length > maxBody || !/^\s*[{[]/.test(body)) {
		return [];
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return [];
	}

	const found: string[] = [];
	const visit = (value: unknown, depth: number) => {
		if (depth > 3 || found.length > 20 || value === null || typeof value !== 'object') {
			return;
		}

		for (const [key, item] of Object.entries(value).slice(0, 50)) {
			if (typeof item === 'string' && /^(?:error|error_description|message|msg|detail|details|title|reason|code|description)$/i.test(key)) {
				found.push(item.slice(0, 500));
			} else if (typeof item === 'object') {
				visit(item, depth + 1);
			}
		}
	};

	visit(parsed, 0);
	return found;
}

type Rule = {readonly code: string; readonly cause: CauseId; readonly pattern: RegExp; readonly weight: (view: ResponseView) => number; readonly what: string; readonly unless?: CauseId};

const sent = (view: ResponseView, name: string) => (view.requestHeaders?.[name] ?? '') !== '';

// Phrases as applications print them; each only a hint, the specific readers carry the strong evidence.
const rules: readonly Rule[] = [
	{code: 'no-token', cause: 'missing-credentials', pattern: /no authorization token was found|authorization header (?:is )?(?:missing|required)|missing (?:bearer |access |api )?(?:token|key|credentials)\b|api key (?:is )?(?:missing|required)|jwt must be provided/i, weight: view => (sent(view, 'authorization') ? 0.2 : 0.6), what: 'no credentials were sent'},
	{code: 'login-required', cause: 'missing-credentials', pattern: /\b(?:login|log-in|sign[- ]?in|authentication) (?:is )?required\b|you must (?:be logged in|be signed in|log in|sign in)|please (?:log|sign) in to (?:continue|access|view)|\bnot authenticated\b|\bunauthenticated\b|requires? (?:a )?(?:valid )?(?:login|authentication)\b/i, weight: view => (sent(view, 'authorization') || sent(view, 'cookie') ? 0.2 : 0.4), what: 'a login is required'},
	{code: 'session-expired', cause: 'session-expired', pattern: /\bsession (?:has |is )?(?:expired|timed out|ended)|session (?:timeout|expired)\b|your session is no longer valid|session not found/i, weight: view => (sent(view, 'cookie') ? 0.5 : 0.25), what: 'the session has expired'},
	{code: 'token-expired', cause: 'token-expired', pattern: /\bjwt expired\b|TokenExpiredError|"?exp"? claim timestamp check failed|\b(?:access |auth |bearer |id )?token (?:has |is )?expired\b|\bexpired (?:access |auth |bearer )?token\b/i, weight: view => (sent(view, 'authorization') ? 0.5 : 0.25), what: 'the token has expired'},
	{code: 'token-invalid', cause: 'token-invalid', pattern: /\bjwt malformed\b|\binvalid signature\b|jwt (?:audience|issuer|signature) invalid|\binvalid[ _](?:access[ _])?token\b|\bInvalidJWT\b|token (?:is )?(?:invalid|malformed|revoked)|signature verification failed/i, weight: view => (sent(view, 'authorization') ? 0.45 : 0.2), what: 'the token is not accepted', unless: 'token-expired'},
	{code: 'insufficient-scope', cause: 'insufficient-scope', pattern: /insufficient[_ ](?:scope|permissions?|privileges)|missing (?:required )?(?:scopes?|permissions?|roles?)\b|required scopes?\b|does not have (?:the )?(?:required |necessary )?(?:scopes?|permissions?|roles?)|(?:lacks?|without) (?:the )?(?:required |necessary )?(?:scopes?|permissions?|roles?)\b|access token does not have|requires (?:the )?[\w:./-]+ (?:scope|permission|role)\b/i, weight: () => 0.4, what: 'the identity lacks a scope, role or permission'},
];

function snippet(text: string, match: RegExpExecArray): string {
	const start = Math.max(0, match.index - 60);
	const end = Math.min(text.length, match.index + match[0].length + 60);
	return maskTokens(`${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`);
}

/**
Reads common authentication texts of error responses ("login required", "your session has expired", JWT
library messages, `{"error":"forbidden","message":"…scope…"}`) into modest hints. Object-store XML errors and
API Gateway's "Missing Authentication Token" are left to their own readers. Never throws.
*/
export function readAuthTexts(view: ResponseView): Finding[] {
	if (view.status < 400 || typeof view.body !== 'string' || /<Error\b[^>]*>\s*<Code>/.test(view.body.slice(0, 2048))) {
		return [];
	}

	const messages = jsonMessages(view.body);
	const text = messages.length > 0 ? messages.join(' | ') : bodyText(view.body);
	if (text === '' || /^\s*Missing Authentication Token\s*$/i.test(text)) {
		return [];
	}

	const findings: Finding[] = [];
	const covered = new Set<CauseId>();
	for (const rule of rules) {
		const match = rule.pattern.exec(text);
		if (!match || covered.has(rule.cause) || (rule.unless !== undefined && covered.has(rule.unless))) {
			continue;
		}

		covered.add(rule.cause);
		findings.push({
			code: `auth-text.${rule.code}`,
			text: `The response says ${rule.what}: "${snippet(text, match)}".`,
			supports: {[rule.cause]: rule.weight(view)},
			mark: 'warn',
			data: {phrase: match[0]},
		});
	}

	// `{"error":"forbidden","message":"… scope …"}`: a scope named in a JSON 403 without the phrases above.
	if (!covered.has('insufficient-scope') && view.status === 403 && messages.some(message => /\bscopes?\b/i.test(message))) {
		findings.push({code: 'auth-text.scope-mentioned', text: `The 403 body mentions a scope: "${maskTokens(messages.find(message => /\bscopes?\b/i.test(message))!.slice(0, 200))}".`, supports: {'insufficient-scope': 0.3}, mark: 'warn'});
	}

	return findings;
}
