import type {Finding} from '../types.js';
import {cloudflareCodes, type CloudflareCode} from './cloudflare-codes.js';
import {presentCookies, presentHeaders, seen, serverSignal} from './finding.js';
import {capture, isBlockStatus, safeId, type Page} from './page.js';
import type {Sighting, VendorReference} from './types.js';

/** Markup only Cloudflare's challenge pages carry (its JS Detections script on ordinary pages does not count). */
const challengeMarkup = ['_cf_chl_opt', 'cf-browser-verification', '__cf_chl_', 'orchestrate/chl_page', 'cf-challenge-running', 'cf_captcha_kind'];
const challengeWords = ['please complete the security check', 'checking your browser before accessing', 'enable javascript and cookies to continue'];

/** Cloudflare's own error page, as opposed to an origin page it merely passed on. */
function isCloudflarePage(page: Page): boolean {
	return page.raw.includes('cf-error-details') || page.raw.includes('cf-wrapper') || page.title.includes('cloudflare') || page.lower.includes('cloudflare ray id');
}

function signals(page: Page): string[] {
	const found = [
		...(page.server === 'cloudflare' ? [serverSignal(page.header('server'))] : []),
		...presentHeaders(page.has, ['cf-ray', 'cf-cache-status', 'cf-mitigated']),
		...presentCookies(page.cookies, ['__cf_bm', 'cf_clearance', '__cflb']),
	];
	// Cloudflare's own error page markup counts only on a refusal: an article may quote it.
	if (found.length === 0 && isBlockStatus(page) && (page.raw.includes('cf-error-details') || page.title.endsWith('| cloudflare'))) {
		found.push('Cloudflare error page markup');
	}

	return found;
}

function reference(page: Page): VendorReference | undefined {
	const value = safeId(page.header('cf-ray')) ?? capture(page.text, /ray id:?\s*([\da-f]{16})\b/i);
	return value === undefined ? undefined : {name: 'Cloudflare Ray ID', value};
}

/** The 1xxx code of a Cloudflare page, or of the short `error code: 1020` text Cloudflare sends non-browsers. */
function codeOf(page: Page): [string, CloudflareCode] | undefined {
	const ownPage = isCloudflarePage(page);
	if (!ownPage && page.text.length > 200) {
		return undefined;
	}

	const number = capture(page.text, /\berror(?:\s+code)?\s*:?\s*(1\d{3})\b/i);
	const byNumber = number === undefined ? undefined : cloudflareCodes[number];
	if (number !== undefined && byNumber !== undefined) {
		return [number, byNumber];
	}

	return ownPage ? Object.entries(cloudflareCodes).find(([, code]) => code.phrases.some(phrase => page.lower.includes(phrase))) : undefined;
}

function lookUp(ray: VendorReference | undefined): {owner: string[]; visitor: string[]} {
	const id = ray?.value.split('-')[0];
	return {
		owner: [id === undefined
			? 'In the Cloudflare dashboard, open Security → Events around the time of the request to see which rule or setting acted.'
			: `In the Cloudflare dashboard, open Security → Events and search for Ray ID ${id} to see which rule or setting acted.`],
		visitor: [id === undefined ? 'Tell the site owner the time of the request; only they can change this.' : `Send the site owner the Ray ID ${id} and the time of the request; only they can change this.`],
	};
}

function challengeFinding(ray: VendorReference | undefined, byHeader: boolean): Finding {
	const base = lookUp(ray);
	return {
		code: 'vendor.cloudflare.challenge',
		text: byHeader
			? 'Cloudflare answered with a challenge page (cf-mitigated: challenge): a browser check must be passed before the resource is served.'
			: 'Cloudflare answered with its challenge page ("Just a moment..."): a browser check must be passed before the resource is served.',
		vendor: 'cloudflare',
		supports: {'waf-challenge': byHeader ? 0.95 : 0.85, 'bot-block': 0.2},
		fix: {
			visitor: ['Open the URL in an ordinary browser and let the check finish; the cf_clearance cookie it sets lets later requests through.'],
			api: ['Scripts cannot pass a Cloudflare challenge; ask the site owner to skip it for your client (a WAF skip rule on a header, IP or token).'],
			owner: [...base.owner, 'Add a skip rule or lower the challenge for API paths that scripts must reach.'],
		},
		mark: 'fail',
		data: {header: byHeader},
	};
}

function codeFinding(number: string, code: CloudflareCode, ray: VendorReference | undefined): Finding {
	const base = lookUp(ray);
	return {
		code: `vendor.cloudflare.error-${number}`,
		text: `Cloudflare refused the request with its error ${number}: ${code.meaning}.`,
		vendor: 'cloudflare',
		supports: code.supports,
		fix: {...code.fix, owner: [...base.owner, ...(code.fix.owner ?? [])], visitor: [...(code.fix.visitor ?? []), ...base.visitor]},
		mark: 'fail',
		data: {cloudflareCode: Number(number)},
	};
}

function blockFinding(ray: VendorReference | undefined): Finding {
	return {
		code: 'vendor.cloudflare.blocked',
		text: 'Cloudflare answered with its "Sorry, you have been blocked" page: a security rule matched the request.',
		vendor: 'cloudflare',
		supports: {'waf-rule-block': 0.8},
		fix: lookUp(ray),
		mark: 'fail',
	};
}

/** Cloudflare: cf-ray/server fingerprint, `cf-mitigated: challenge`, its 1xxx block pages and challenge pages. */
export function readCloudflare(page: Page): Sighting[] {
	const found = signals(page);
	if (found.length === 0) {
		return [];
	}

	const ray = reference(page);
	const findings: Finding[] = [seen('cloudflare', 'edge', found)];
	const mitigated = page.header('cf-mitigated').toLowerCase() === 'challenge';
	const code = isBlockStatus(page) ? codeOf(page) : undefined;
	const isChallengePage = [403, 429, 503].includes(page.status)
		&& (challengeMarkup.some(marker => page.raw.includes(marker)) || challengeWords.some(words => page.lower.includes(words)) || page.title === 'just a moment...');
	const isBlockPage = isBlockStatus(page) && isCloudflarePage(page)
		&& (page.lower.includes('sorry, you have been blocked') || page.title.includes('used cloudflare to restrict access'));
	if (mitigated || (code === undefined && isChallengePage)) {
		findings.push(challengeFinding(ray, mitigated));
		return [{vendor: 'cloudflare', layer: 'edge', claims: true, kind: 'challenge', reference: ray, findings}];
	}

	if (code !== undefined) {
		findings.push(codeFinding(code[0], code[1], ray));
		return [{vendor: 'cloudflare', layer: 'edge', claims: true, kind: code[1].kind, reference: ray, findings}];
	}

	if (isBlockPage) {
		findings.push(blockFinding(ray));
		return [{vendor: 'cloudflare', layer: 'edge', claims: true, kind: 'rule-block', reference: ray, findings}];
	}

	return [{vendor: 'cloudflare', layer: 'edge', claims: false, reference: ray, findings}];
}
