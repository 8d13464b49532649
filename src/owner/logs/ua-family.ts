/** What kind of client a User-Agent names. */
export type ClientKind = 'browser' | 'tool' | 'library' | 'bot' | 'empty' | 'other';

/** A User-Agent reduced to its family (`curl`, `python-requests`, `Chrome`, `Googlebot`…). */
export type UaFamily = {readonly family: string; readonly kind: ClientKind};

// Order matters: bots and libraries often carry "Mozilla/5.0 (compatible; …)" too.
const rules: ReadonlyArray<[RegExp, string, ClientKind]> = [
	[/Googlebot|bingbot|YandexBot|Baiduspider|DuckDuckBot|Applebot|AhrefsBot|SemrushBot|MJ12bot|DotBot|PetalBot|GPTBot|ClaudeBot|CCBot|Bytespider|facebookexternalhit|Twitterbot|LinkedInBot|Slackbot/i, '', 'bot'],
	[/^curl\//i, 'curl', 'tool'],
	[/^Wget\//i, 'wget', 'tool'],
	[/^PostmanRuntime\//i, 'postman', 'tool'],
	[/^HTTPie\//i, 'httpie', 'tool'],
	[/python-requests\//i, 'python-requests', 'library'],
	[/Python-urllib\//i, 'python-urllib', 'library'],
	[/python-httpx\/|aiohttp\//i, 'python-async', 'library'],
	[/Scrapy\//i, 'scrapy', 'bot'],
	[/Go-http-client\//i, 'go-http-client', 'library'],
	[/okhttp\//i, 'okhttp', 'library'],
	[/Apache-HttpClient\/|^Java\//i, 'java', 'library'],
	[/node-fetch|undici|axios\/|^got\b|^node\b/i, 'node', 'library'],
	[/GuzzleHttp\//i, 'guzzle', 'library'],
	[/libwww-perl|^Ruby\b|Faraday/i, 'script', 'library'],
	[/\b(?:bot|crawler|spider|scanner)\b/i, 'bot', 'bot'],
	[/Edg\//, 'Edge', 'browser'],
	[/OPR\//, 'Opera', 'browser'],
	[/Firefox\//, 'Firefox', 'browser'],
	[/Chrome\/|CriOS\//, 'Chrome', 'browser'],
	[/Safari\//, 'Safari', 'browser'],
];

/** Classifies a User-Agent; `-`, empty and absent are the `empty` family (many scripts send none). */
export function uaFamily(userAgent: string | undefined): UaFamily {
	const ua = (userAgent ?? '').trim();
	if (ua === '' || ua === '-') {
		return {family: '(none)', kind: 'empty'};
	}

	for (const [pattern, family, kind] of rules) {
		const match = pattern.exec(ua);
		if (match) {
			return {family: family === '' ? match[0] : family, kind};
		}
	}

	return {family: ua.split(/[\s/;(]/, 1)[0] || 'other', kind: 'other'};
}
