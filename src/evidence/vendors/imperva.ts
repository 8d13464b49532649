import type {Finding} from '../types.js';
import {presentCookies, presentHeaders, seen} from './finding.js';
import {capture, isBlockStatus, type Page} from './page.js';
import type {BlockKind, Sighting, VendorReference} from './types.js';

function signals(page: Page): string[] {
	const cdn = page.header('x-cdn').toLowerCase();
	return [
		...presentHeaders(page.has, ['x-iinfo']),
		...(cdn.includes('imperva') || cdn.includes('incapsula') ? ['x-cdn: Imperva'] : []),
		...presentCookies(page.cookies, ['visid_incap_*', 'incap_ses_*', 'nlbi_*', 'reese84']),
	];
}

/** Imperva also serves its pages with 200; accept that only for small pages that carry an incident ID. */
function statusAllows(page: Page, incident: string | undefined): boolean {
	return isBlockStatus(page) || (page.status === 200 && page.bodyLength < 16_384 && incident !== undefined);
}

type Verdict = {what: string; text: string; kind: BlockKind; supports: Finding['supports']; fix: Finding['fix']};

function verdictOf(page: Page, incident: string | undefined): Verdict | undefined {
	const errorCode = capture(page.text, /\berror\s+(\d{1,2})\b/i);
	const steps = {
		owner: [incident === undefined
			? 'In the Imperva Cloud Security Console, open Security Events around the time of the request to see which rule acted.'
			: `In the Imperva Cloud Security Console, search Security Events for incident ID ${incident} to see which rule acted.`],
		visitor: [incident === undefined ? 'Tell the site owner the time of the request.' : `Send the site owner the incident ID ${incident} and the time of the request.`],
	};
	if (page.lower.includes('this request was blocked by our security service') || (page.lower.includes('powered by imperva') && page.lower.includes('access denied'))) {
		return {what: 'blocked', kind: 'rule-block', supports: {'waf-rule-block': 0.75, 'bot-block': 0.3}, fix: steps,
			text: `Imperva answered "Access denied${errorCode === undefined ? '' : ` — Error ${errorCode}`}: this request was blocked by our security service".`};
	}

	if (page.lower.includes('pardon our interruption') && page.lower.includes('made us think you were a bot')) {
		return {what: 'bot-wall', kind: 'bot-block', supports: {'bot-block': 0.75, 'waf-challenge': 0.4}, fix: {...steps, api: ['Imperva Advanced Bot Protection judged the client a bot; ask the owner to allow it.']},
			text: 'Imperva\'s bot protection answered "Pardon Our Interruption": it judged the client to be a bot.'};
	}

	const stub = page.raw.includes('_incapsula_resource') && page.lower.includes('incapsula incident id');
	if (stub || page.lower.includes('request unsuccessful. incapsula incident id')) {
		const isChallenge = page.raw.includes('_incapsula_resource?cwudnsai');
		return {what: isChallenge ? 'challenge' : 'incident', kind: isChallenge ? 'challenge' : 'rule-block', fix: {...steps, visitor: ['Open the URL in an ordinary browser; Imperva may let it through after its check.', ...steps.visitor]},
			supports: isChallenge ? {'waf-challenge': 0.6, 'bot-block': 0.45} : {'waf-rule-block': 0.55, 'bot-block': 0.4},
			text: `Imperva answered "Request unsuccessful. Incapsula incident ID${incident === undefined ? '' : ` ${incident}`}" instead of the resource${isChallenge ? ' (a browser check in a frame)' : ''}.`};
	}

	return undefined;
}

/** Imperva / Incapsula: x-iinfo and incap cookies; the "Request unsuccessful" frame; "Access denied — Error 15/16". */
export function readImperva(page: Page): Sighting[] {
	const found = signals(page);
	const incident = capture(page.text, /incident id:?\s*(\d+-\d+)\b/i);
	const reference: VendorReference | undefined = incident === undefined ? undefined : {name: 'Imperva incident ID', value: incident};
	const verdict = statusAllows(page, incident) ? verdictOf(page, incident) : undefined;
	if (found.length === 0 && verdict === undefined) {
		return [];
	}

	const findings: Finding[] = [seen('imperva', 'edge', found.length > 0 ? found : ['Imperva block page'])];
	if (verdict === undefined) {
		return [{vendor: 'imperva', layer: 'edge', claims: false, reference, findings}];
	}

	findings.push({code: `vendor.imperva.${verdict.what}`, text: verdict.text, vendor: 'imperva', supports: verdict.supports, fix: verdict.fix, mark: 'fail', data: {status: page.status}});
	return [{vendor: 'imperva', layer: 'edge', claims: true, kind: verdict.kind, reference, findings}];
}
