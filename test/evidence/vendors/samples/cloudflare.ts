import type {Sample} from './sample.js';

/**
Cloudflare's current 1xxx error template, copied from a captured 1016 page (search corpus id 70122679720, a
Supabase project answered through Cloudflare, 2026-09-28) with the code, headline and "What happened?" text of
the block codes from Cloudflare's 1xxx troubleshooting page (REFERENCE.md §2.8).
*/
function errorPage(host: string, code: number, headline: string, happened: string, ray: string, title = `Access denied | ${host} used Cloudflare to restrict access`): string {
	return `<!doctype html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!-->
<html class="no-js" lang="en-US">
    <!--<![endif]-->
    <head>
        <title>${title}</title>
        <meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="robots" content="noindex, nofollow" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" /> <script>
  (function(){if(document.addEventListener&&window.XMLHttpRequest&&JSON&&JSON.stringify){var e=function(a){var b=new XMLHttpRequest;a={event:"feedback clicked",properties:{errorCode: ${code} },helpful:a,version: 1 };b.open("POST","https://sparrow.cloudflare.com/api/v1/event");b.send(JSON.stringify(a))};}})();
</script>
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
                        <span>${code}</span>
                    </h1>
                    <span class="inline-block md:block heading-ray-id font-mono text-15 lg:text-sm lg:leading-relaxed">Ray ID: ${ray} &bull;</span>
                    <span class="inline-block md:block heading-ray-id font-mono text-15 lg:text-sm lg:leading-relaxed">2026-11-25 10:12:31 UTC</span>
                    <h2 class="text-gray-600 leading-1.3 text-3xl lg:text-2xl font-light">${headline}</h2>
                </header>
                <section class="w-240 lg:w-full mx-auto mb-8 lg:px-8">
                    <div id="what-happened-section" class="w-1/2 md:w-full">
                        <h2 class="text-3xl leading-tight font-normal mb-4 text-black-dark antialiased" data-translate="what_happened">What happened?</h2>
                        <p>${happened}</p>
                    </div>
                </section>
                <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
    <p class="text-13">
      <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">${ray}</strong></span>
      <span class="cf-footer-separator sm:hidden">&bull;</span>
      <span id="cf-footer-item-ip" class="cf-footer-item hidden sm:block sm:mb-1">
        Your IP:
        <button type="button" id="cf-footer-ip-reveal" class="cf-footer-ip-reveal-btn">Click to reveal</button>
        <span class="hidden" id="cf-footer-ip">203.0.113.7</span>
        <span class="cf-footer-separator sm:hidden">&bull;</span>
      </span>
      <span class="cf-footer-item sm:block sm:mb-1"><span>Performance &amp; security by</span> <a rel="noopener noreferrer" href="https://www.cloudflare.com/5xx-error-landing" id="brand_link" target="_blank">Cloudflare</a></span>
    </p>
  </div><!-- /.error-footer -->
            </div>
        </div>
    </body>
</html>`;
}

function headers(ray: string, contentType = 'text/html; charset=UTF-8'): Record<string, string> {
	return {
		Date: 'Tue, 25 Nov 2026 10:12:31 GMT',
		'Content-Type': contentType,
		'CF-RAY': `${ray}-FRA`,
		Server: 'cloudflare',
		'Cache-Control': 'private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
		Expires: 'Thu, 01 Jan 1970 00:00:01 GMT',
		'Referrer-Policy': 'same-origin',
		'X-Frame-Options': 'SAMEORIGIN',
	};
}

const ray = '8a1b2c3d4e5f6789';
const rayRef = {name: 'Cloudflare Ray ID', value: `${ray}-FRA`};

export const cloudflareSamples: readonly Sample[] = [
	{
		name: 'Cloudflare 1020 firewall rule block page',
		source: 'template: search id 70122679720; 1020 texts: developers.cloudflare.com 1xxx errors (REFERENCE.md §2.8)',
		status: 403,
		headers: headers(ray),
		body: errorPage('shop.example.com', 1020, 'Access denied', 'This website is using a security service to protect itself from online attacks.', ray),
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'rule-block', reference: rayRef, causes: {'waf-rule-block': 0.85}, codes: ['vendor.cloudflare.seen', 'vendor.cloudflare.error-1020']},
	},
	{
		name: 'Cloudflare 1020 as plain text for a non-browser client',
		source: 'body "error code: 1020": fixture B_1020, search id 70281044995; Cloudflare sends text/plain to non-HTML clients',
		status: 403,
		headers: headers('9c2f1a2b3c4d5e6f', 'text/plain; charset=UTF-8'),
		body: 'error code: 1020',
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'rule-block', reference: {name: 'Cloudflare Ray ID', value: '9c2f1a2b3c4d5e6f-FRA'}, causes: {'waf-rule-block': 0.85}},
	},
	{
		name: 'Cloudflare 1015 rate limited (429)',
		source: 'title and texts: fixture B_1015 (search id 70281044995), CF_HINTS (id 35449876828); 429 per REFERENCE.md §2.6',
		status: 429,
		headers: {...headers(ray), 'Retry-After': '60'},
		body: errorPage('api.example.com', 1015, 'You are being rate limited', 'The owner of this website (api.example.com) has banned you temporarily from accessing this website.', ray),
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'rate-limit', reference: rayRef, causes: {'rate-limited': 0.9}, codes: ['vendor.cloudflare.error-1015']},
	},
	{
		name: 'Cloudflare 1009 country banned',
		source: 'developers.cloudflare.com 1xxx errors: 1009 "Access denied: Country or region banned"',
		status: 403,
		headers: headers(ray),
		body: errorPage('news.example.com', 1009, 'Access denied', 'The owner of this website (news.example.com) has banned the country or region your IP address is in (RU) from accessing this website.', ray),
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'geo-block', causes: {'geo-block': 0.9}, codes: ['vendor.cloudflare.error-1009']},
	},
	{
		name: 'Cloudflare 1010 browser signature banned',
		source: 'developers.cloudflare.com 1xxx errors: 1010 Browser Integrity Check',
		status: 403,
		headers: headers(ray),
		body: errorPage('www.example.com', 1010, 'Access denied', 'The owner of this website (www.example.com) has banned your access based on your browser\'s signature (8a1b2c3d4e5f6789-ua48).', ray),
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'bot-block', causes: {'bot-block': 0.85}},
	},
	{
		name: 'Cloudflare 1006 IP banned',
		source: 'developers.cloudflare.com 1xxx errors: 1006/1007/1008 "Your IP address has been banned"',
		status: 403,
		headers: headers(ray),
		body: errorPage('forum.example.com', 1006, 'Access denied', 'The owner of this website (forum.example.com) has banned your IP address (203.0.113.7).', ray),
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'ip-block', causes: {'ip-allowlist': 0.85}},
	},
	{
		name: 'Cloudflare 1011 hotlinking denied',
		source: 'developers.cloudflare.com 1xxx errors: 1011 "Access denied (Hotlinking denied)"',
		url: 'https://img.example.com/photos/cat.jpg',
		status: 403,
		headers: headers(ray),
		body: errorPage('img.example.com', 1011, 'Access denied (Hotlinking denied)', 'This website does not allow hotlinking of its images.', ray),
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'hotlink', causes: {'hotlink-protection': 0.85}},
	},
	{
		name: 'Cloudflare 1003 direct IP access',
		source: 'developers.cloudflare.com 1xxx errors: 1003 "Direct IP access not allowed"',
		url: 'http://104.16.0.1/',
		status: 403,
		headers: headers(ray),
		body: errorPage('104.16.0.1', 1003, 'Direct IP access not allowed', 'You\'ve requested an IP address that is part of the Cloudflare network.', ray, 'Direct IP access not allowed | Cloudflare'),
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'wrong-url', causes: {'wrong-url': 0.8}},
	},
	{
		name: 'Cloudflare managed challenge with cf-mitigated',
		source: 'headers: developers.cloudflare.com challenge-pages/detect-response; body: search ids 68902599423, 68297466420',
		status: 403,
		headers: {...headers('8ab0c1d2e3f40516'), 'cf-mitigated': 'challenge', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Permissions-Policy': 'accelerometer=(),autoplay=()'},
		body: `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge"><meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1"><meta http-equiv="refresh" content="390"></head><body class="no-js"><div class="main-wrapper" role="main"><div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div><script>(function(){window._cf_chl_opt={cvId: '3',cZone: "www.example.com",cType: 'managed',cRay: '8ab0c1d2e3f40516',cH: 'x',cUPMDTk: "\\/?__cf_chl_tk=abc",cFPWv: 'b'};var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8ab0c1d2e3f40516';document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>`,
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'challenge', reference: {name: 'Cloudflare Ray ID', value: '8ab0c1d2e3f40516-FRA'}, causes: {'waf-challenge': 0.9}, codes: ['vendor.cloudflare.challenge']},
	},
	{
		name: 'Cloudflare legacy "Checking your browser" page (503, no cf-mitigated)',
		source: 'legacy browser check without cf-mitigated: search id 68297466420 (_legacyCheck); 503 IUAM',
		status: 503,
		headers: headers('7d6a2b0f8c4e1a2b'),
		body: '<html><head><title>Just a moment...</title></head><body>\n<div class="cf-browser-verification cf-im-under-attack"><div id="cf-content"><p>Checking your browser before accessing www.example.com.</p><p>This process is automatic. Your browser will redirect to your requested content shortly.</p></div></div>\n</body></html>',
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'challenge', causes: {'waf-challenge': 0.8}},
	},
	{
		name: 'Cloudflare "Attention Required!" CAPTCHA page (older challenge)',
		source: 'old challenge markup: "One more step" / "Please complete the security check" with challenge-form (search ids 7903040991, 47181381892, 28598163970)',
		status: 403,
		headers: headers('5f4e3d2c1b0a9988'),
		body: `<!DOCTYPE html>
<html class="no-js" lang="en-US"><head><title>Attention Required! | Cloudflare</title><meta name="captcha-bypass" id="captcha-bypass" /></head><body>
<div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper">
<div class="cf-wrapper cf-header cf-error-overview"><h1 data-translate="challenge_headline">One more step</h1>
<h2 class="cf-subheadline"><span data-translate="complete_sec_check">Please complete the security check to access</span> www.example.com</h2></div>
<div class="cf-section cf-highlight"><div class="cf-wrapper"><div class="cf-columns two"><div class="cf-column"><div class="cf-highlight-inverse cf-form-stacked">
<form class="challenge-form" id="challenge-form" action="/?__cf_chl_captcha_tk__=pmd_0a1b2c3d4e5f" method="POST" enctype="application/x-www-form-urlencoded">
<script type="text/javascript" src="/cdn-cgi/scripts/cf.challenge.js" data-type="normal" data-ray="5f4e3d2c1b0a9988" async data-sitekey="6LfBixYUAAAAABhdHynFUIMA_sa4s-XsJvnjtgB0"></script>
</form></div></div></div></div></div>
<div class="cf-error-footer cf-wrapper"><p><span class="cf-footer-item">Cloudflare Ray ID: <strong>5f4e3d2c1b0a9988</strong></span></p></div>
</div></div></body></html>`,
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'challenge', causes: {'waf-challenge': 0.8}, codes: ['vendor.cloudflare.challenge']},
	},
	{
		name: 'Cloudflare "Attention Required!" block page',
		source: 'search ids 67202380601, 56154643496, 27566761343 (Sorry, you have been blocked + Cloudflare Ray ID)',
		status: 403,
		headers: headers('a3882b20980ef455'),
		body: `<!DOCTYPE html>
<html class="no-js" lang="en-US"><head><title>Attention Required! | Cloudflare</title></head><body>
<div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper">
<div class="cf-wrapper cf-header cf-error-overview"><h1 data-translate="block_headline">Sorry, you have been blocked</h1>
<h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> api.example.com</h2></div>
<div class="cf-section cf-wrapper"><div class="cf-columns two"><div class="cf-column"><h2 data-translate="blocked_why_headline">Why have I been blocked?</h2>
<p data-translate="blocked_why_detail">This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution. There are several actions that could trigger this block including submitting a certain word or phrase, a SQL command or malformed data.</p></div></div></div>
<div class="cf-error-footer cf-wrapper"><p><span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">a3882b20980ef455</strong></span></p></div>
</div></div></body></html>`,
		expect: {vendor: 'cloudflare', via: ['cloudflare'], kind: 'rule-block', reference: {name: 'Cloudflare Ray ID', value: 'a3882b20980ef455-FRA'}, causes: {'waf-rule-block': 0.75}, codes: ['vendor.cloudflare.blocked']},
	},
	{
		name: 'nginx 403 behind Cloudflare',
		source: 'nginx stock page: nginx/nginx src/http/ngx_http_special_response.c (REFERENCE.md §2.0); headers as Cloudflare proxies',
		url: 'https://www.example.com/private/',
		status: 403,
		headers: {...headers('8c1f2a3b4d5e6f70'), 'Content-Type': 'text/html', 'cf-cache-status': 'DYNAMIC'},
		body: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
		expect: {vendor: 'cloudflare', via: ['cloudflare', 'nginx'], kind: 'generic', reference: {name: 'Cloudflare Ray ID', value: '8c1f2a3b4d5e6f70-FRA'}, causes: {'server-deny-rule': 0.1, 'file-permissions': 0.1, 'directory-index-missing': 0.15}, maxWeight: 0.2, codes: ['vendor.nginx.default-403']},
	},
];
