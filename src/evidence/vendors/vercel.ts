import type {Finding} from '../types.js';
import {presentHeaders, seen, serverSignal} from './finding.js';
import {safeId, type Page} from './page.js';
import type {Sighting} from './types.js';

/** Vercel: server/x-vercel-id fingerprint; `x-vercel-mitigated: challenge|deny` from its Firewall (403 or 429). */
export function readVercel(page: Page): Sighting[] {
	const found = [...(page.server === 'vercel' ? [serverSignal(page.header('server'))] : []), ...presentHeaders(page.has, ['x-vercel-id', 'x-vercel-cache', 'x-vercel-mitigated', 'x-vercel-challenge-token'])];
	if (found.length === 0) {
		return [];
	}

	const id = safeId(page.header('x-vercel-id'));
	const reference = id === undefined ? undefined : {name: 'Vercel request ID (x-vercel-id)', value: id};
	const findings: Finding[] = [seen('vercel', 'edge', found)];
	const mitigated = page.header('x-vercel-mitigated').toLowerCase();
	const lookUp = `In the Vercel dashboard, open the project's Firewall tab and find the request${id === undefined ? '' : ` ${id}`} to see which rule or mode acted.`;
	if (mitigated === 'challenge' || (mitigated === '' && page.has('x-vercel-challenge-token') && page.status >= 400)) {
		findings.push({code: 'vendor.vercel.challenge', text: `Vercel's Firewall answered ${page.status} with x-vercel-mitigated: challenge (its Security Checkpoint): a browser check must be passed first.`,
			vendor: 'vercel', supports: {'waf-challenge': 0.95, 'bot-block': 0.2},
			fix: {visitor: ['Open the URL in an ordinary browser and let the Security Checkpoint finish.'], api: ['Scripts cannot pass the checkpoint; ask the owner to bypass it for your client (a Firewall bypass rule) or to turn off Attack Challenge Mode.'], owner: [lookUp]}, mark: 'fail'});
		return [{vendor: 'vercel', layer: 'edge', claims: true, kind: 'challenge', reference, findings}];
	}

	if (mitigated === 'deny') {
		findings.push({code: 'vendor.vercel.deny', text: `Vercel's Firewall denied the request (x-vercel-mitigated: deny).`, vendor: 'vercel', supports: {'waf-rule-block': 0.9},
			fix: {owner: [lookUp, 'Change the custom or managed rule that denied it.']}, mark: 'fail'});
		return [{vendor: 'vercel', layer: 'edge', claims: true, kind: 'rule-block', reference, findings}];
	}

	return [{vendor: 'vercel', layer: 'edge', claims: false, reference, findings}];
}
