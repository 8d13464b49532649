import type {CauseId, Role} from '../../diagnosis/cause-ids.js';
import type {BlockKind} from './types.js';

/** What a Cloudflare 1xxx block code means (REFERENCE.md §2.8, Cloudflare's 1xxx troubleshooting page). */
export type CloudflareCode = {
	readonly kind: BlockKind;
	readonly meaning: string;
	readonly supports: Partial<Record<CauseId, number>>;
	/** Steps beyond "look the Ray ID up", by role. */
	readonly fix: Partial<Record<Role, readonly string[]>>;
	/** Phrases of the page that identify the code when the number itself is missing. */
	readonly phrases: readonly string[];
};

const ipBan: CloudflareCode = {
	kind: 'ip-block',
	meaning: 'the site owner banned the client\'s IP address',
	supports: {'ip-allowlist': 0.9},
	fix: {owner: ['Remove the address from Security → WAF → Tools → IP Access Rules, or from the custom rule that lists it.']},
	phrases: ['has banned your ip address'],
};

export const cloudflareCodes: Readonly<Record<string, CloudflareCode>> = {
	1003: {
		kind: 'wrong-url',
		meaning: 'direct IP access is not allowed: the request named an IP address instead of the site\'s host name',
		supports: {'wrong-url': 0.85},
		fix: {visitor: ['Use the site\'s host name in the URL, not its IP address.'], api: ['Send the request to the host name (and Host header) the site is configured for.']},
		phrases: ['direct ip access not allowed'],
	},
	1005: {
		kind: 'ip-block',
		meaning: 'the site owner banned the network (ASN) the client\'s address belongs to',
		supports: {'ip-allowlist': 0.6, 'geo-block': 0.3},
		fix: {owner: ['An IP Access Rule or custom rule blocks this ASN (ip.src.asnum); allow it if the client is legitimate.'], visitor: ['Requests from this network (often a hosting provider or VPN) are refused; try from another network.']},
		phrases: ['banned the autonomous system number'],
	},
	1006: ipBan,
	1007: ipBan,
	1008: ipBan,
	1106: ipBan,
	1009: {
		kind: 'geo-block',
		meaning: 'the site owner banned the country or region of the client\'s IP address',
		supports: {'geo-block': 0.95},
		fix: {owner: ['A custom rule or IP Access Rule blocks this country (ip.src.country); allow it if you serve that region.'], visitor: ['The site refuses visitors from your country or region; only the owner can change that.']},
		phrases: ['banned the country or region'],
	},
	1010: {
		kind: 'bot-block',
		meaning: 'Browser Integrity Check refused the client\'s browser signature',
		supports: {'bot-block': 0.9},
		fix: {owner: ['Browser Integrity Check (Security → Settings) refused this client; turn it off for this path with a configuration rule, or allow the client.'], api: ['Send realistic browser headers, or ask the owner to exempt your API client from Browser Integrity Check.']},
		phrases: ['based on your browser\'s signature'],
	},
	1011: {
		kind: 'hotlink',
		meaning: 'hotlink protection refused a request whose Referer is another site',
		supports: {'hotlink-protection': 0.9},
		fix: {owner: ['Scrape Shield → Hotlink Protection refuses this Referer; allow the referring site or exempt the path.'], visitor: ['Open the file from the site\'s own pages rather than from another site.']},
		phrases: ['hotlinking denied'],
	},
	1012: {
		kind: 'rule-block',
		meaning: 'the site owner denies access because of malicious activity detected from the client\'s network',
		supports: {'waf-rule-block': 0.85},
		fix: {visitor: ['Check the device and network for malware, or try from another network.']},
		phrases: ['malicious activity'],
	},
	1015: {
		kind: 'rate-limit',
		meaning: 'a rate limiting rule banned the client temporarily',
		supports: {'rate-limited': 0.95},
		fix: {visitor: ['Wait a few minutes before trying again.'], api: ['Slow down: space the requests out and honour Retry-After.'], owner: ['Review the rate limiting rules (Security → WAF → Rate limiting rules) that matched.']},
		phrases: ['you are being rate limited', 'has banned you temporarily'],
	},
	1020: {
		kind: 'rule-block',
		meaning: 'a firewall (custom) rule matched the request and blocked it',
		supports: {'waf-rule-block': 0.9},
		fix: {owner: ['Adjust or skip the matching custom rule for this client or path.']},
		phrases: [],
	},
};
