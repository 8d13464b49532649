import {randomBytes} from 'node:crypto';
import {escapeHtml} from '../../text/escape-html.js';
import type {LabReply} from '../types.js';
import {httpDate} from './http-date.js';

/** A Ray ID as Cloudflare prints it: 16 hex digits; the header adds `-<colo>`. */
export function rayId(): string {
	return randomBytes(8).toString('hex');
}

const colo = 'AMS';

function cloudflareHeaders(ray: string, now: number): Record<string, string> {
	return {
		Date: httpDate(now),
		'Content-Type': 'text/html; charset=UTF-8',
		'Cache-Control': 'private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
		Expires: 'Thu, 01 Jan 1970 00:00:01 GMT',
		'Referrer-Policy': 'same-origin',
		'X-Frame-Options': 'SAMEORIGIN',
		Server: 'cloudflare',
		'CF-RAY': `${ray}-${colo}`,
	};
}

/**
Cloudflare's 1xxx error page. The template follows a captured 1016 page (search corpus id 70122679720, as in
test/evidence/vendors/samples/cloudflare.ts); codes, headlines and "What happened?" texts are those of
developers.cloudflare.com's 1xxx troubleshooting page (REFERENCE.md §2.8).
*/
export function cloudflareError(options: {status?: number; host: string; code: number; headline: string; happened: string; now: number; extra?: Record<string, string>}): LabReply {
	const ray = rayId();
	const host = escapeHtml(options.host);
	const stamp = new Date(options.now).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
	const body = `<!doctype html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!-->
<html class="no-js" lang="en-US">
    <!--<![endif]-->
    <head>
        <title>Access denied | ${host} used Cloudflare to restrict access</title>
        <meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="robots" content="noindex, nofollow" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
    </head>
    <body>
        <div id="cf-wrapper">
            <div class="cf-alert cf-alert-error cf-cookie-error hidden" id="cookie-alert" data-translate="enable_cookies">
                Please enable cookies.
            </div>
            <div id="cf-error-details" class="p-0">
                <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-15 antialiased">
                    <h1 class="inline-block md:block mr-2 md:mb-2 font-light text-60 md:text-3xl text-black-dark leading-tight">
                        <span data-translate="error">Error</span>
                        <span>${options.code}</span>
                    </h1>
                    <span class="inline-block md:block heading-ray-id font-mono text-15 lg:text-sm lg:leading-relaxed">Ray ID: ${ray} &bull;</span>
                    <span class="inline-block md:block heading-ray-id font-mono text-15 lg:text-sm lg:leading-relaxed">${stamp}</span>
                    <h2 class="text-gray-600 leading-1.3 text-3xl lg:text-2xl font-light">${options.headline}</h2>
                </header>
                <section class="w-240 lg:w-full mx-auto mb-8 lg:px-8">
                    <div id="what-happened-section" class="w-1/2 md:w-full">
                        <h2 class="text-3xl leading-tight font-normal mb-4 text-black-dark antialiased" data-translate="what_happened">What happened?</h2>
                        <p>${options.happened}</p>
                    </div>
                </section>
                <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
    <p class="text-13">
      <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">${ray}</strong></span>
      <span class="cf-footer-separator sm:hidden">&bull;</span>
      <span id="cf-footer-item-ip" class="cf-footer-item hidden sm:block sm:mb-1">
        Your IP:
        <button type="button" id="cf-footer-ip-reveal" class="cf-footer-ip-reveal-btn">Click to reveal</button>
        <span class="hidden" id="cf-footer-ip">127.0.0.1</span>
        <span class="cf-footer-separator sm:hidden">&bull;</span>
      </span>
      <span class="cf-footer-item sm:block sm:mb-1"><span>Performance &amp; security by</span> <a rel="noopener noreferrer" href="https://www.cloudflare.com/5xx-error-landing" id="brand_link" target="_blank">Cloudflare</a></span>
    </p>
  </div><!-- /.error-footer -->
            </div>
        </div>
    </body>
</html>`;
	return {status: options.status ?? 403, headers: {...cloudflareHeaders(ray, options.now), ...options.extra}, body};
}

/**
A managed challenge ("Just a moment..."): 403 with `cf-mitigated: challenge`, the only value Cloudflare
documents (developers.cloudflare.com challenge-pages/detect-response); the body as captured in search ids
68902599423 and 68297466420.
*/
export function cloudflareChallenge(host: string, now: number): LabReply {
	const ray = rayId();
	const zone = JSON.stringify(host);
	const body = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge"><meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1"><meta http-equiv="refresh" content="390"></head><body class="no-js"><div class="main-wrapper" role="main"><div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div><script>(function(){window._cf_chl_opt={cvId: '3',cZone: ${zone},cType: 'managed',cRay: '${ray}',cH: '${randomBytes(12).toString('base64url')}',cUPMDTk: "\\/?__cf_chl_tk=${randomBytes(9).toString('base64url')}",cFPWv: 'b'};var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=${ray}';document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>`;
	return {
		status: 403,
		headers: {
			...cloudflareHeaders(ray, now),
			'cf-mitigated': 'challenge',
			'Cross-Origin-Embedder-Policy': 'require-corp',
			'Cross-Origin-Opener-Policy': 'same-origin',
			'Permissions-Policy': 'accelerometer=(),autoplay=(),browsing-topics=(),camera=(),clipboard-read=(),clipboard-write=(),geolocation=(),gyroscope=(),hid=(),interest-cohort=(),magnetometer=(),microphone=(),payment=(),publickey-credentials-get=(),screen-wake-lock=(),serial=(),sync-xhr=(),usb=()',
		},
		body,
	};
}
