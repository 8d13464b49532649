import type {Role} from '../diagnosis/cause-ids.js';
import {bodyText, jsonMessages, maskTokens} from './auth-texts.js';
import type {Finding, ResponseView} from './types.js';

/** Which framework's CSRF protection refused the request. */
export type CsrfFramework = 'django' | 'spring' | 'express' | 'rails' | 'laravel' | 'sveltekit' | 'generic';

/** A recognised CSRF failure: the framework and, when the page gives it, the reason. */
export type CsrfFailure = {readonly framework: CsrfFramework; readonly reason: string; readonly origin: boolean};

// django/middleware/csrf.py REASON_* strings (Django 4.x/5.x) and the pre-4.0 "missing or incorrect".
const djangoReasons = /CSRF cookie not set\.|CSRF token missing(?: or incorrect)?\.|CSRF (?:token from (?:POST|the '[\w-]+' HTTP header)|cookie) (?:incorrect|has incorrect length|has invalid characters)\.|Origin checking failed - .{1,300}? does not match any trusted origins\.|Origin checking failed - .{1,300}? is not permitted\.|Referer checking failed - (?:no Referer|Referer is malformed|Referer is insecure while host is secure|.{1,300}? does not match any trusted origins|.{1,300}? is not permitted)\./;

const patterns: ReadonlyArray<{framework: CsrfFramework; pattern: RegExp; origin?: boolean}> = [
	{framework: 'django', pattern: /CSRF verification failed\. Request aborted\./},
	// spring-security InvalidCsrfTokenException / MissingCsrfTokenException messages.
	{framework: 'spring', pattern: /Invalid CSRF Token '[^']{0,4096}' was found on the request parameter '[^']{1,100}' or header '[^']{1,100}'\.|Could not verify the provided CSRF token because (?:your session was not found|no token was found to compare)\./},
	// csurf: ForbiddenError "invalid csrf token", code EBADCSRFTOKEN.
	// Case-sensitive: csurf's message is lower case; "Invalid CSRF token" is every other app's wording.
	{framework: 'express', pattern: /EBADCSRFTOKEN|ForbiddenError: invalid csrf token|^invalid csrf token$/m},
	{framework: 'rails', pattern: /ActionController::InvalidAuthenticityToken|Can't verify CSRF token authenticity/},
	{framework: 'laravel', pattern: /CSRF token mismatch\.|TokenMismatchException/},
	// SvelteKit and Astro's same-origin form check.
	{framework: 'sveltekit', pattern: /Cross-site (?:POST )?form submissions are forbidden/i, origin: true},
	{framework: 'generic', pattern: /\b(?:origin|referr?er) checking failed\b|\b(?:invalid|bad) (?:origin|referr?er) header\b/i, origin: true},
	{framework: 'generic', pattern: /\b(?:csrf|xsrf)\b[^.\n]{0,80}?\b(?:missing|invalid|mismatch|incorrect|expired|failed|not found|not set|verification|validation)\b|\b(?:missing|invalid|bad|expired) (?:csrf|xsrf)\b/i},
];

/** Recognises a CSRF failure in a text (a page, a JSON message, a log line). Never throws. */
export function csrfReasonOf(text: string): CsrfFailure | undefined {
	if (typeof text !== 'string' || text === '') {
		return undefined;
	}

	// Without DEBUG, Django's page only explains the missing cookie or Referer (views/csrf.py no_cookie/no_referer).
	const reason = djangoReasons.exec(text)
		?? (/requires a CSRF cookie when submitting forms/.test(text) ? ['CSRF cookie not set.'] as const : undefined)
		?? (/requires a .Referer header. to be sent/i.test(text) ? ['Referer checking failed - no Referer.'] as const : undefined);
	for (const {framework, pattern, origin} of patterns) {
		const match = pattern.exec(text);
		if (match) {
			const specific = framework === 'django' || framework === 'generic' ? reason?.[0] ?? match[0] : match[0];
			return {framework: reason && framework === 'generic' ? 'django' : framework, reason: redactToken(specific), origin: origin === true || /^(?:Origin|Referer) checking/.test(specific)};
		}
	}

	return reason ? {framework: 'django', reason: reason[0], origin: /^(?:Origin|Referer) checking/.test(reason[0])} : undefined;
}

/** Spring quotes the token it received, other apps may too; such values stay out of reports. */
function redactToken(reason: string): string {
	return maskTokens(reason.replace(/Invalid CSRF Token '[^']*'/, 'Invalid CSRF Token \'[redacted]\''));
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const expectedStatus: Partial<Record<CsrfFramework, number>> = {rails: 422, laravel: 419};

function fixFor(failure: CsrfFailure): Partial<Record<Role, readonly string[]>> {
	const {framework, reason} = failure;
	if (failure.origin) {
		return {
			owner: [framework === 'sveltekit'
				? 'Behind a proxy, set ORIGIN (or PROTOCOL_HEADER/HOST_HEADER) so the app knows its public origin.'
				: 'Add the site\'s public origin, with its scheme (https://example.com), to the trusted origins (Django: CSRF_TRUSTED_ORIGINS); behind a TLS proxy, tell the app the original scheme and host (SECURE_PROXY_SSL_HEADER, USE_X_FORWARDED_HOST).'],
			api: ['Send Origin (and Referer) headers naming the site itself, as a browser does.'],
			visitor: ['Submit the form from the site\'s own page; privacy extensions that strip the Referer can cause this.'],
		};
	}

	const cookie = /cookie not set|session was not found/i.test(reason);
	return {
		visitor: [cookie ? 'Allow cookies for this site, reload the page and submit again.' : 'Reload the page (the form was stale, for example after signing in elsewhere) and submit again.'],
		api: ['First GET the page or endpoint that issues the CSRF token, keep its cookie, and send the token back with the same cookie jar (form field or header such as X-CSRFToken / X-CSRF-TOKEN / X-XSRF-TOKEN).'],
		owner: [framework === 'django' && cookie
			? 'Check that the form view sets the csrftoken cookie ({% csrf_token %} or ensure_csrf_cookie) and that CSRF_COOKIE_SECURE/DOMAIN/SAMESITE let the browser send it back.'
			: 'Make sure every form and script sends the current CSRF token, and exempt only endpoints that are not cookie-authenticated (APIs using bearer tokens).'],
	};
}

/**
Reads CSRF failures (Django, Spring Security, Express csurf, Rails 422, Laravel 419, SvelteKit/Astro, generic
texts) into `csrf-failed`, weighted higher for unsafe methods, which are the ones CSRF checks guard. Never throws.
*/
export function readCsrf(view: ResponseView): Finding[] {
	if (view.status < 400 || typeof view.body !== 'string') {
		return [];
	}

	const text = bodyText(view.body);
	const failure = csrfReasonOf([...jsonMessages(view.body), text].join('\n'))
		?? (view.status === 419 && /page expired/i.test(text) ? {framework: 'laravel' as const, reason: 'Page Expired', origin: false} : undefined);
	if (!failure) {
		return [];
	}

	const specific = failure.framework !== 'generic';
	const unsafe = unsafeMethods.has((view.method ?? '').toUpperCase());
	const weight = Math.round((specific ? 0.9 : 0.6) * (unsafe ? 1 : 0.6) * 100) / 100;
	const expected = expectedStatus[failure.framework] ?? 403;
	const session = /session was not found/i.test(failure.reason) || failure.framework === 'laravel';
	return [{
		code: `csrf.${failure.framework}`,
		text: `The ${specific ? `${failure.framework[0]!.toUpperCase()}${failure.framework.slice(1)} ` : ''}CSRF check refused the ${unsafe ? '' : 'safe-method '}request: "${failure.reason.slice(0, 200)}"${view.status === expected ? '' : ` (this framework usually answers ${expected}, here ${view.status})`}.`,
		// A CSRF refusal is why a form POST fails where a GET of the same URL passes: not a method rule.
		supports: {'csrf-failed': weight, ...(session ? {'session-expired': 0.3} : {}), ...(specific ? {'method-blocked': -0.6} : {})},
		mark: 'fail',
		fix: fixFor(failure),
		data: {framework: failure.framework, reason: failure.reason.slice(0, 300), originCheck: failure.origin},
	}];
}
