import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {csrfReasonOf, readCsrf} from '../../src/evidence/csrf.js';
import type {ResponseView} from '../../src/evidence/types.js';

const view = (status: number, body: string, method = 'POST', contentType = 'text/html; charset=utf-8'): ResponseView => ({
	url: 'https://app.example.com/accounts/login/', method, status, headers: {'content-type': contentType}, body,
});

/** Django 5.x `views/csrf.py` failure page, as rendered with DEBUG=True (trimmed after the help list). */
const djangoPage = (reason: string, summary = '') => `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
  <style type="text/css">
    html * { padding:0; margin:0; }
  </style>
</head>
<body>
<div id="summary">
  <h1>Forbidden <span>(403)</span></h1>
  <p>CSRF verification failed. Request aborted.</p>
${summary}
</div>

<div id="info">
  <h2>Help</h2>
    ${reason ? `<p>Reason given for failure:</p>
    <pre>
    ${reason}
    </pre>` : ''}

  <p>In general, this can occur when there is a genuine Cross Site Request Forgery, or when
  <a
  href="https://docs.djangoproject.com/en/5.2/ref/csrf/">Django’s
  CSRF mechanism</a> has not been used correctly.  For POST forms, you need to
  ensure:</p>
</div>
</body>
</html>`;
const noCookie = '  <p>You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is required for security reasons, to ensure that your browser is not being hijacked by third parties.</p>';

describe('readCsrf', () => {
	it.each([
		['CSRF cookie not set.', 'Allow cookies'],
		['CSRF token missing.', 'Reload the page'],
		['CSRF token from POST incorrect.', 'Reload the page'],
		['CSRF token from the &#x27;X-Csrftoken&#x27; HTTP header has incorrect length.', 'Reload the page'],
		['Origin checking failed - https://app.example.com does not match any trusted origins.', 'Submit the form'],
		['Referer checking failed - Referer is insecure while host is secure.', 'Submit the form'],
	])('reads the Django reason %j', (reason, visitorFix) => {
		const [finding] = readCsrf(view(403, djangoPage(reason)));
		expect(finding?.code).toBe('csrf.django');
		expect(finding?.supports).toEqual({'csrf-failed': 0.9, 'method-blocked': -0.6});
		expect(finding?.data?.['reason']).toBe(reason.replaceAll('&#x27;', '\''));
		expect(finding?.fix?.visitor?.[0]).toContain(visitorFix);
	});

	it('points the owner at CSRF_TRUSTED_ORIGINS for an origin failure', () => {
		const [finding] = readCsrf(view(403, djangoPage('Origin checking failed - https://app.example.com does not match any trusted origins.')));
		expect(finding?.fix?.owner?.[0]).toContain('CSRF_TRUSTED_ORIGINS');
		expect(finding?.data?.['originCheck']).toBe(true);
	});

	it('reads the production Django page, which only explains the missing cookie', () => {
		const [finding] = readCsrf(view(403, djangoPage('', noCookie)));
		expect(finding?.data?.['reason']).toBe('CSRF cookie not set.');
	});

	it('reads Spring Security\'s JSON error without repeating the token', () => {
		// Spring Boot error attributes for InvalidCsrfTokenException.
		const body = '{"timestamp":"2025-05-23T17:39:09.598952100","status":403,"error":"Forbidden","message":"Invalid CSRF Token \'7f3c2a9e-1b4d-4e8f-9a6b-2c5d8e1f0a3b\' was found on the request parameter \'_csrf\' or header \'X-CSRF-TOKEN\'.","path":"/register"}';
		const [finding] = readCsrf(view(403, body, 'POST', 'application/json'));
		expect(finding?.code).toBe('csrf.spring');
		expect(JSON.stringify(finding)).not.toContain('7f3c2a9e');
		expect(finding?.text).toContain('Invalid CSRF Token \'[redacted]\' was found on the request parameter \'_csrf\'');
		const missing = readCsrf(view(403, '{"status":403,"error":"Forbidden","message":"Could not verify the provided CSRF token because your session was not found.","path":"/x"}', 'POST', 'application/json'));
		expect(missing[0]?.supports).toEqual({'csrf-failed': 0.9, 'session-expired': 0.3, 'method-blocked': -0.6});
	});

	it('reads csurf\'s development error page (Express finalhandler)', () => {
		const body = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>ForbiddenError: invalid csrf token<br> &nbsp; &nbsp;at csrf (/app/node_modules/csurf/index.js:112:19)<br> &nbsp; &nbsp;at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)</pre>\n</body>\n</html>\n';
		expect(readCsrf(view(403, body))[0]?.code).toBe('csrf.express');
	});

	it('knows Rails answers 422 and Laravel 419', () => {
		const rails = readCsrf(view(422, '<h1>ActionController::InvalidAuthenticityToken in SessionsController#create</h1><div class="exception-message"><div class="message">Can\'t verify CSRF token authenticity.</div></div>'));
		expect(rails[0]?.code).toBe('csrf.rails');
		expect(rails[0]?.text).not.toContain('usually answers');
		const laravelJson = readCsrf(view(419, '{\n    "message": "CSRF token mismatch."\n}', 'POST', 'application/json'));
		expect(laravelJson[0]?.code).toBe('csrf.laravel');
		const laravelPage = readCsrf(view(419, '<!DOCTYPE html><html lang="en"><head><title>Page Expired</title></head><body><div class="flex-center"><div class="code">419</div><div class="message" style="padding: 10px;">Page Expired</div></div></body></html>'));
		expect(laravelPage[0]?.supports).toEqual({'csrf-failed': 0.9, 'session-expired': 0.3, 'method-blocked': -0.6});
		const remapped = readCsrf(view(403, '{"message":"CSRF token mismatch."}', 'POST', 'application/json'));
		expect(remapped[0]?.text).toContain('usually answers 419, here 403');
	});

	it('reads SvelteKit\'s origin check as an origin problem', () => {
		const [finding] = readCsrf(view(403, 'Cross-site POST form submissions are forbidden', 'POST', 'text/plain'));
		expect(finding?.code).toBe('csrf.sveltekit');
		expect(finding?.fix?.owner?.[0]).toContain('ORIGIN');
	});

	it('does not quote a token a generic message echoes', () => {
		const [finding] = readCsrf(view(403, '{"error":"CSRF token 5f2b9c1e8a7d4e3fb0c6a9d2e1f4b7c8 is invalid"}', 'POST', 'application/json'));
		expect(finding?.text).not.toContain('5f2b9c1e8a7d');
		expect(finding?.text).toContain('[redacted]');
	});

	it('weighs safe methods and generic texts lower', () => {
		expect(readCsrf(view(403, '{"error":"Invalid CSRF token"}', 'GET', 'application/json'))[0]?.supports).toEqual({'csrf-failed': 0.36});
		expect(readCsrf(view(403, '{"error":"Invalid CSRF token"}', 'DELETE', 'application/json'))[0]?.supports).toEqual({'csrf-failed': 0.6});
	});

	it('ignores pages that are not about CSRF, and never throws', () => {
		expect(readCsrf(view(403, '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx/1.24.0</center></body></html>'))).toEqual([]);
		expect(readCsrf(view(200, djangoPage('CSRF token missing.')))).toEqual([]);
		fc.assert(fc.property(fc.string(), fc.constantFrom('GET', 'POST', ''), (body, method) => {
			expect(Array.isArray(readCsrf(view(403, body, method)))).toBe(true);
			expect(Array.isArray(readCsrf(view(403, `CSRF verification failed. Request aborted. ${body}`, method)))).toBe(true);
		}));
	});
});

describe('csrfReasonOf', () => {
	it('reads Django\'s log lines too', () => {
		// logger django.security.csrf: "Forbidden (<reason>): <path>".
		expect(csrfReasonOf('Forbidden (CSRF token from POST incorrect.): /accounts/login/')).toEqual({framework: 'django', reason: 'CSRF token from POST incorrect.', origin: false});
		expect(csrfReasonOf('Forbidden (Origin checking failed - https://a.example does not match any trusted origins.): /x')?.origin).toBe(true);
		expect(csrfReasonOf('all good')).toBeUndefined();
	});
});
