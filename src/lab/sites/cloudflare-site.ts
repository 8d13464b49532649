import {browserUserAgent} from '../../net/browser-user-agent.js';
import {cloudflareChallenge, cloudflareError} from '../pages/cloudflare.js';
import type {LabRoute} from '../types.js';
import {under} from './match.js';

/** Pages of a site behind Cloudflare: a managed challenge, a custom-rule block (1020), a country block (1009). */
export function cloudflareRoutes(): LabRoute[] {
	return [
		{
			path: {
				path: '/community/',
				title: 'Challenge page in front of a forum',
				cause: 'waf-challenge',
				hint: 'Cloudflare answers with a managed challenge ("Just a moment..."); only a browser running its JavaScript gets through.',
				status: 403,
				presets: {userAgent: browserUserAgent},
			},
			matches: under('/community'),
			handle: request => cloudflareChallenge(request.url.host, request.now),
		},
		{
			path: {
				path: '/admin/',
				title: 'Firewall rule block (Cloudflare 1020)',
				cause: 'waf-rule-block',
				hint: 'A custom WAF rule of the site matches /admin; the Ray ID is what the owner looks up in Security Events.',
				status: 403,
				presets: {},
			},
			matches: under('/admin'),
			handle: request =>
				cloudflareError({
					host: request.url.hostname,
					code: 1020,
					headline: 'Access denied',
					happened: 'This website is using a security service to protect itself from online attacks.',
					now: request.now,
				}),
		},
		{
			path: {
				path: '/watch/live',
				title: 'Country block (Cloudflare 1009)',
				cause: 'geo-block',
				hint: 'The owner blocks visitors from some countries; the page names the country Cloudflare placed the visitor in.',
				status: 403,
				presets: {userAgent: browserUserAgent},
			},
			matches: under('/watch'),
			handle: request =>
				cloudflareError({
					host: request.url.hostname,
					code: 1009,
					headline: 'Access denied',
					happened: `The owner of this website (${request.url.hostname}) has banned the country or region your IP address is in (NL) from accessing this website.`,
					now: request.now,
				}),
		},
	];
}
