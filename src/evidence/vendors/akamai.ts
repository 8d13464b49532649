import type {Finding} from '../types.js';
import {presentCookies, presentHeaders, seen, serverSignal} from './finding.js';
import {capture, isBlockStatus, safeId, type Page} from './page.js';
import type {Sighting, VendorReference} from './types.js';

/** Cookies Akamai Bot Manager sets; they ride on ordinary responses too, so they only name the product. */
const botManagerCookies = ['_abck', 'ak_bmsc', 'bm_sz', 'bm_sv'];

function signals(page: Page): string[] {
	const xCache = page.header('x-cache').toLowerCase();
	return [
		...(page.server.startsWith('akamai') ? [serverSignal(page.header('server'))] : []),
		...presentHeaders(page.has, ['akamai-grn', 'x-akamai-request-id', 'x-akamai-transformed', 'akamai-cache-status']),
		...(xCache.includes('akamai') ? ['x-cache: …akamai…'] : []),
		...presentCookies(page.cookies, botManagerCookies),
		...(isBlockStatus(page) && page.raw.includes('errors.edgesuite.net') ? ['errors.edgesuite.net link'] : []),
	];
}

/** `Reference #18.e834768.1638849804.2c1382d`, which Akamai writes entity-encoded (`Reference&#32;&#35;18&#46;…`). */
function reference(page: Page): VendorReference | undefined {
	const value = capture(page.text, /reference\s*#\s*(\d{1,3}\.[\da-f]{4,16}\.\d{6,12}\.[\da-f]{4,16})\b/i);
	if (value !== undefined) {
		return {name: 'Akamai Reference #', value};
	}

	const requestId = safeId(page.header('x-akamai-request-id'));
	return requestId === undefined ? undefined : {name: 'Akamai request ID (x-akamai-request-id)', value: requestId};
}

function translateSteps(ref: VendorReference | undefined) {
	return {
		owner: [ref?.name === 'Akamai Reference #'
			? `In Akamai Control Center, translate the error string ${ref.value} (Support → Diagnostic tools → Translate error string) to see which rule or policy denied the request.`
			: 'In Akamai Control Center, check the security events (Web Security Analytics) for this request to see which rule denied it.'],
		visitor: [ref === undefined ? 'Tell the site owner the time of the request; only they can change this.' : `Send the site owner the reference ${ref.value} and the time of the request.`],
	};
}

function deniedFinding(page: Page, ref: VendorReference | undefined, botManager: boolean): Finding {
	const edgeDenied = page.header('x-cache').toUpperCase().startsWith('TCP_DENIED');
	return {
		code: 'vendor.akamai.access-denied',
		text: `Akamai answered with its "Access Denied" page${ref?.name === 'Akamai Reference #' ? ` (Reference #${ref.value})` : ''}: an edge security rule${botManager ? ' or Bot Manager' : ''} refused the request${edgeDenied ? ' before it reached the origin' : ''}.`,
		vendor: 'akamai',
		supports: botManager ? {'waf-rule-block': 0.5, 'bot-block': 0.5, 'geo-block': 0.1} : {'waf-rule-block': 0.65, 'bot-block': 0.3, 'geo-block': 0.1},
		fix: {...translateSteps(ref), api: ['If only scripts are refused, Akamai Bot Manager may classify the client as a bot; ask the owner to allow it.']},
		mark: 'fail',
		data: {botManager, edgeDenied},
	};
}

function challengeFinding(ref: VendorReference | undefined): Finding {
	return {
		code: 'vendor.akamai.challenge',
		text: 'Akamai Bot Manager answered with a challenge page instead of the resource.',
		vendor: 'akamai',
		supports: {'waf-challenge': 0.8, 'bot-block': 0.3},
		fix: {...translateSteps(ref), visitor: ['Open the URL in an ordinary browser and complete the check.'], api: ['Scripts cannot pass this challenge; ask the owner to exempt your client from Bot Manager.']},
		mark: 'fail',
	};
}

/** Akamai: AkamaiGHost, its entity-encoded "Access Denied … Reference #" page, Bot Manager cookies and challenge. */
export function readAkamai(page: Page): Sighting[] {
	const found = signals(page);
	const ref = reference(page);
	const denied = isBlockStatus(page) && page.lower.includes('access denied') && page.lower.includes('you don\'t have permission to access')
		&& ref?.name === 'Akamai Reference #';
	if (found.length === 0 && !denied) {
		return [];
	}

	const findings: Finding[] = [seen('akamai', 'edge', found.length > 0 ? found : ['Access Denied page with an Akamai reference'])];
	const botManager = botManagerCookies.some(name => page.cookies.includes(name));
	if (denied) {
		findings.push(deniedFinding(page, ref, botManager));
		return [{vendor: 'akamai', layer: 'edge', claims: true, kind: 'rule-block', reference: ref, findings}];
	}

	if (isBlockStatus(page) && ['/_sec/cp_challenge/', 'sec-if-cpt-container', 'sec-cpt-if'].some(marker => page.raw.includes(marker))) {
		findings.push(challengeFinding(ref));
		return [{vendor: 'akamai', layer: 'edge', claims: true, kind: 'challenge', reference: ref, findings}];
	}

	return [{vendor: 'akamai', layer: 'edge', claims: false, reference: ref, findings}];
}
