import type {Finding} from '../types.js';
import {presentCookies, presentHeaders, seen, serverSignal} from './finding.js';
import {capture, isBlockStatus, safeId, type Page} from './page.js';
import type {BlockKind, Sighting} from './types.js';

function signals(page: Page): string[] {
	return [
		...(page.server.includes('sucuri') || page.server.includes('cloudproxy') ? [serverSignal(page.header('server'))] : []),
		...presentHeaders(page.has, ['x-sucuri-id', 'x-sucuri-cache', 'x-sucuri-block']),
		...presentCookies(page.cookies, ['sucuri_cloudproxy_uuid_*']),
	];
}

/** Sucuri's block page names the reason ("Block reason: …") and a Block ID; the ID prefix is its rule family. */
function kindOf(blockId: string, reason: string): [BlockKind, Finding['supports']] {
	if (blockId.startsWith('GEO') || reason.includes('country')) {
		return ['geo-block', {'geo-block': 0.9}];
	}

	if (blockId.startsWith('FBP') || reason.includes('bot')) {
		return ['bot-block', {'bot-block': 0.85}];
	}

	if (reason.includes('blacklist') || reason.includes('blocklist') || reason.includes('ip address') || reason.includes('your ip')) {
		return ['ip-block', {'ip-allowlist': 0.8}];
	}

	if (reason.includes('too many') || reason.includes('rate')) {
		return ['rate-limit', {'rate-limited': 0.8}];
	}

	return ['rule-block', {'waf-rule-block': 0.8}];
}

/** Sucuri Website Firewall: Sucuri/Cloudproxy, x-sucuri-id/-block, its "Access Denied" page and JS challenge. */
export function readSucuri(page: Page): Sighting[] {
	const found = signals(page);
	const blockPage = isBlockStatus(page) && (page.lower.includes('access denied - sucuri website firewall') || page.title.includes('sucuri website firewall'));
	// The JS check comes with 200/307 and Sucuri's own headers; without them the marker is only a mention.
	const jsChallenge = page.raw.includes('sucuri_cloudproxy_js') && page.bodyLength < 16_384 && (found.length > 0 || isBlockStatus(page));
	if (found.length === 0 && !blockPage && !jsChallenge) {
		return [];
	}

	const blockId = safeId(page.header('x-sucuri-block')) ?? capture(page.text, /block id:\s*([a-z]{2,5}\d{1,4})\b/i);
	const reference = blockId === undefined ? undefined : {name: 'Sucuri Block ID', value: blockId};
	const findings: Finding[] = [seen('sucuri', 'edge', found.length > 0 ? found : ['Sucuri block page'])];
	if (blockPage || (blockId !== undefined && isBlockStatus(page))) {
		const reason = (capture(page.text, /block reason:\s*([^.]{3,120})/i, /^[^<>]{3,120}$/) ?? '').trim();
		const [kind, supports] = kindOf((blockId ?? '').toUpperCase(), reason.toLowerCase());
		findings.push({
			code: 'vendor.sucuri.blocked',
			text: `The Sucuri Website Firewall blocked the request${blockId === undefined ? '' : ` (Block ID ${blockId})`}${reason === '' ? '' : `: "${reason}"`}.`,
			vendor: 'sucuri',
			supports,
			fix: {owner: ['In the Sucuri dashboard, open Firewall → Audit Trails, find the blocked request and allow the IP or adjust the rule.'], visitor: ['Send the site owner the block details shown on the page.']},
			mark: 'fail',
			data: {blockId, reason: reason === '' ? undefined : reason},
		});
		return [{vendor: 'sucuri', layer: 'edge', claims: true, kind, reference, findings}];
	}

	if (jsChallenge) {
		findings.push({code: 'vendor.sucuri.js-challenge', text: 'The Sucuri Website Firewall answered with its JavaScript check instead of the resource.', vendor: 'sucuri',
			supports: {'waf-challenge': 0.8, 'bot-block': 0.2}, fix: {api: ['Scripts cannot run the Sucuri check; ask the owner to allow your client\'s IP in the firewall.']}, mark: 'fail'});
		return [{vendor: 'sucuri', layer: 'edge', claims: true, kind: 'challenge', reference, findings}];
	}

	return [{vendor: 'sucuri', layer: 'edge', claims: false, reference, findings}];
}
