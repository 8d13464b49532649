import {solidPng} from '../lab-files.js';
import {tinyPdf} from '../lab-files.js';
import {nginxFile, nginxPage, nginxSlashRedirect} from '../pages/nginx.js';
import type {LabRoute} from '../types.js';
import {exact, header, under} from './match.js';

/** The user-agent blocklist such sites copy around: `if ($http_user_agent ~* (…)) { return 403; }`, empty UA included. */
const blockedAgents = /^$|python-requests|curl|wget|scrapy|go-http-client|java\/|libwww-perl|httpclient/i;

const poster = solidPng(64, 36, [0xE8, 0x5D, 0x3A]);
const comments = JSON.stringify([{id: 1, author: 'ada', text: 'First!'}, {id: 2, author: 'grace', text: 'Nice launch.'}]);

/** Pages of a site on nginx: a user-agent rule, hotlink protection, a folder without index, a method rule. */
export function nginxRoutes(): LabRoute[] {
	return [
		{
			path: {
				path: '/feed.xml',
				title: 'User-agent rule against scripts',
				cause: 'bot-block',
				hint: 'nginx answers 403 to user agents on a blocklist (python-requests, curl, wget…); the same request from a browser gets the feed.',
				status: 403,
				presets: {userAgent: 'python-requests/2.32.3'},
			},
			matches: exact('/feed.xml'),
			handle(request) {
				if (blockedAgents.test(header(request.headers, 'user-agent') ?? '')) {
					return nginxPage(403, request.now);
				}

				return nginxFile('application/rss+xml', `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>fix403 lab</title><link>${request.url.origin}/</link><description>Lab news</description><item><title>The lab is up</title></item></channel></rss>\n`, request.now);
			},
		},
		{
			path: {
				path: '/images/launch-poster.png',
				title: 'Hotlink protection on images',
				cause: 'hotlink-protection',
				hint: 'nginx `valid_referers server_names;` — the image loads on the site\'s own pages, and is refused when a forum embeds it.',
				status: 403,
				presets: {referer: 'https://forum.example.net/t/launch-day/1234'},
			},
			matches: under('/images'),
			handle(request) {
				const referer = header(request.headers, 'referer');
				let host: string | undefined;
				try {
					host = referer ? new URL(referer).hostname : undefined;
				} catch {}

				if (host !== request.url.hostname) {
					return nginxPage(403, request.now);
				}

				return request.url.pathname === '/images/launch-poster.png' ? nginxFile('image/png', poster, request.now) : nginxPage(404, request.now);
			},
		},
		{
			path: {
				path: '/files/',
				title: 'Folder without index',
				cause: 'directory-index-missing',
				hint: 'The folder has files but no index.html, and autoindex is off: nginx refuses to list it.',
				status: 403,
				presets: {},
			},
			matches: under('/files'),
			handle(request) {
				const {pathname} = request.url;
				if (pathname === '/files') {
					return nginxSlashRedirect(request.url, request.now);
				}

				if (pathname === '/files/') {
					return nginxPage(403, request.now);
				}

				return pathname === '/files/price-list-2026.pdf' ? nginxFile('application/pdf', tinyPdf('Price list 2026'), request.now) : nginxPage(404, request.now);
			},
		},
		{
			path: {
				path: '/api/comments',
				title: 'Method rule: POST refused',
				cause: 'method-blocked',
				hint: 'nginx `limit_except GET { deny all; }` on the comments endpoint: reading works, posting is forbidden.',
				status: 403,
				presets: {method: 'POST', headers: [['Content-Type', 'application/json']], body: '{"text":"Great post!"}'},
			},
			matches: under('/api/comments'),
			handle(request) {
				if (request.method !== 'GET' && request.method !== 'HEAD') {
					return nginxPage(403, request.now);
				}

				return nginxFile('application/json', comments, request.now);
			},
		},
	];
}
