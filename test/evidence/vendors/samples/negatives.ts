import type {Sample} from './sample.js';

const cloudflareHeaders = {Server: 'cloudflare', 'CF-RAY': '8d7c6b5a49382716-AMS', 'cf-cache-status': 'DYNAMIC', 'Content-Type': 'text/html; charset=utf-8'};

/** Pages that mention block words without being blocks: nothing may be claimed from them. */
export const negativeSamples: readonly Sample[] = [
	{
		name: 'Normal 200 page through Cloudflare with its JS Detections script',
		source: 'ordinary page carrying /cdn-cgi/challenge-platform/scripts/jsd/main.js (search ids 63630518806, 70373813221)',
		status: 200,
		headers: cloudflareHeaders,
		body: '<html><head><title>Rate limits explained</title><script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></head><body><article><h1>Rate limits explained</h1><p>If you send too many requests, our API answers 429 Too Many Requests. Your IP address has been blocked? Just a moment... read on. Hotlinking is not allowed for our images.</p></article></body></html>',
		expect: {vendor: 'cloudflare', via: ['cloudflare'], maxWeight: 0},
	},
	{
		name: '404 page that talks about Cloudflare errors',
		source: 'a help article answering 404 through Cloudflare; words taken from Cloudflare\'s own pages',
		url: 'https://help.example.com/cloudflare-error-1020',
		status: 404,
		headers: cloudflareHeaders,
		body: '<html><head><title>Page not found</title></head><body><h1>Not found</h1><p>Looking for our article on Cloudflare Error 1020 "Access denied"? Sorry, you have been blocked pages and "Just a moment..." checks moved to /help/cloudflare. Cloudflare Ray ID: 8d7c6b5a49382716</p></body></html>',
		expect: {vendor: 'cloudflare', via: ['cloudflare'], maxWeight: 0},
	},
	{
		name: 'Plain 200 page with no vendor at all',
		source: 'ordinary origin page',
		status: 200,
		headers: {'Content-Type': 'text/html'},
		body: '<html><head><title>Welcome</title></head><body><p>Access denied? Incapsula incident ID, Reference #18.1.2.3 and "The requested URL was rejected" are all explained in our FAQ. Your support ID is: 12345678.</p></body></html>',
		expect: {via: [], maxWeight: 0},
	},
	{
		name: 'Application JSON 403 behind nginx (the app answered, not nginx)',
		source: 'nginx as a reverse proxy: server header only, body from the application',
		status: 403,
		headers: {Server: 'nginx', 'Content-Type': 'application/json'},
		body: '{"error":"forbidden","message":"You do not have access to project 42."}',
		expect: {via: ['nginx'], maxWeight: 0},
	},
];
