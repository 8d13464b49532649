import {randomBytes} from 'node:crypto';
import {browserUserAgent} from '../../net/browser-user-agent.js';
import {apacheForbidden, apacheRedirect, apacheServer} from '../pages/apache.js';
import {djangoCsrfFailure, djangoHeaders} from '../pages/django-csrf.js';
import {httpDate} from '../pages/http-date.js';
import type {LabReply, LabRequest, LabRoute, LabSetting} from '../types.js';
import {header, under} from './match.js';

/**
OWASP CRS rule 941150 ("XSS Filter - Category 5: Disallowed HTML Attributes") as quoted in
coreruleset/coreruleset#3525: `src=` inside Sourcebuster's `sbjs_*` cookies (WooCommerce 8.5 order
attribution) matched it and locked shoppers out with 403 (woocommerce/woocommerce#43681).
*/
const rule941150 = /\b(?:s(?:tyle|rc)|href)\b[\s\S]*?=/i;

/** Cookies as a browser holds them after a visit from Bing, in the shape Sourcebuster writes them. */
const sourcebusterCookies = [
	'sbjs_migrations=1418474375998%3D1',
	'sbjs_current_add=fd%3D2026-11-20%2009%3A14%3A02%7C%7C%7Cep%3Dhttps%3A%2F%2Fshop.example.com%2F%7C%7C%7Crf%3Dhttps%3A%2F%2Fwww.bing.com%2F',
	'sbjs_current=typ%3Dreferral%7C%7C%7Csrc%3Dbing.com%7C%7C%7Cmdm%3Dreferral%7C%7C%7Ccmp%3D%28none%29%7C%7C%7Ccnt%3D%2F%7C%7C%7Ctrm%3D%28none%29%7C%7C%7Cid%3D%28none%29',
	'_ga=GA1.1.1107366118.1763628842',
	'woocommerce_recently_viewed=24801',
].join('; ');

function cookieValues(request: LabRequest): string[] {
	return (header(request.headers, 'cookie') ?? '').split(';').map(pair => {
		const value = pair.slice(pair.indexOf('=') + 1).trim();
		try {
			return decodeURIComponent(value);
		} catch {
			return value;
		}
	});
}

function shop(request: LabRequest): LabReply {
	if (cookieValues(request).some(value => rule941150.test(value))) {
		return apacheForbidden(request.url, request.now);
	}

	if (request.url.pathname === '/shop') {
		return apacheRedirect(`${request.url.origin}/shop/`, request.now);
	}

	return {status: 200, headers: {Date: httpDate(request.now), Server: apacheServer, 'Content-Type': 'text/html; charset=UTF-8'}, body: '<!DOCTYPE html><html><head><title>Shop – fix403 lab</title></head><body><h1>Shop</h1><p>3 products</p></body></html>\n'};
}

function csrfToken(request: LabRequest): string | undefined {
	// Django accepts only its own alphabet here; anything else counts as no cookie.
	return /(?:^|;\s*)csrftoken=([A-Za-z\d_-]{16,64})(?:;|$)/.exec(header(request.headers, 'cookie') ?? '')?.[1];
}

/** Django's CsrfViewMiddleware for a POST: the form must carry csrfmiddlewaretoken (or X-CSRFToken) matching the cookie. */
function contact(request: LabRequest): LabReply {
	if (request.method === 'GET' || request.method === 'HEAD') {
		const token = csrfToken(request) ?? randomBytes(24).toString('base64url').slice(0, 32);
		const form = `<!DOCTYPE html><html><head><title>Contact</title></head><body><form method="post" action="/contact/"><input type="hidden" name="csrfmiddlewaretoken" value="${token}"><input name="name"><input name="email"><textarea name="message"></textarea><button>Send</button></form></body></html>\n`;
		return {status: 200, headers: {...djangoHeaders(request.now, 'text/html; charset=utf-8'), Vary: 'Cookie', 'Set-Cookie': `csrftoken=${token}; expires=${httpDate(request.now + 31_449_600_000)}; Max-Age=31449600; Path=/; SameSite=Lax`}, body: form};
	}

	const cookie = csrfToken(request);
	if (cookie === undefined) {
		return djangoCsrfFailure('CSRF cookie not set.', request.now);
	}

	const sent = new URLSearchParams(request.body).get('csrfmiddlewaretoken') ?? header(request.headers, 'x-csrftoken');
	if (sent === undefined || sent === null) {
		return djangoCsrfFailure('CSRF token missing.', request.now);
	}

	return sent === cookie ? {status: 302, headers: {...djangoHeaders(request.now, 'text/html; charset=utf-8'), Location: '/contact/thanks/'}, body: ''} : djangoCsrfFailure('CSRF token from POST incorrect.', request.now);
}

/** Web apps: a WooCommerce shop behind ModSecurity (stale cookies) and a Django form (CSRF). */
export function appRoutes(setting: LabSetting): LabRoute[] {
	return [
		{
			path: {
				path: '/shop/',
				title: 'Stale cookies trip the WAF',
				cause: 'client-state',
				hint: 'A tracking cookie in the browser (Sourcebuster\'s sbjs_current, "src=bing.com") matches ModSecurity rule 941150; a private window works.',
				status: 403,
				presets: {userAgent: browserUserAgent, cookie: sourcebusterCookies},
			},
			matches: under('/shop'),
			handle: shop,
		},
		{
			path: {
				path: '/contact/',
				title: 'Form post without its CSRF token',
				cause: 'csrf-failed',
				hint: 'A script posts the contact form with the csrftoken cookie but without csrfmiddlewaretoken: Django refuses it.',
				status: 403,
				presets: {
					method: 'POST',
					userAgent: browserUserAgent,
					cookie: 'csrftoken=Qm9vdHN0cmFwcGVkLWxhYi1jc3JmLXRva2Vu',
					headers: [['Content-Type', 'application/x-www-form-urlencoded'], ['Origin', setting.origin]],
					referer: `${setting.origin}/contact/`,
					body: 'name=Ada&email=ada%40example.com&message=Hello',
				},
			},
			matches: under('/contact'),
			handle: contact,
		},
	];
}
