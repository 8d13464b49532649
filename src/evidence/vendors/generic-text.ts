import type {CauseId} from '../../diagnosis/cause-ids.js';
import type {Finding} from '../types.js';
import type {Page} from './page.js';
import type {BlockKind, Sighting} from './types.js';

/** Statuses a vendor-less block page comes with; 451 (legal) is reported by others and stops the diagnosis. */
const blockStatuses = new Set([401, 403, 406, 429, 503]);

type Rule = {what: string; kind: BlockKind; cause: CauseId; weight: number; label: string; test: (lower: string) => boolean};

/** True when `pattern` matches within `window` characters after some occurrence of `anchor` (bounded work). */
function near(lower: string, anchor: string, pattern: RegExp, window = 120): boolean {
	let from = 0;
	for (let count = 0; count < 50; count++) {
		const at = lower.indexOf(anchor, from);
		if (at === -1) {
			return false;
		}

		if (pattern.test(lower.slice(at, at + anchor.length + window))) {
			return true;
		}

		from = at + anchor.length;
	}

	return false;
}

const rules: readonly Rule[] = [
	{what: 'geo-text', kind: 'geo-block', cause: 'geo-block', weight: 0.6, label: 'says the content is not available in the client\'s country or region',
		test: lower => /not (?:available|accessible) (?:in|from) your (?:country|region|location)|unavailable in your (?:country|region)|from your (?:country|region) (?:is|has been|was) (?:blocked|restricted|denied|disabled)|your (?:country|region) (?:is|has been) (?:blocked|restricted|not supported)/.test(lower)},
	{what: 'ip-text', kind: 'ip-block', cause: 'ip-allowlist', weight: 0.6, label: 'says the client\'s IP address is blocked or not allowed',
		test: lower => near(lower, 'your ip', /^your ip(?: address)?\b.{0,80}?\b(?:has been|is|was|are)\s+(?:temporarily\s+|permanently\s+)?(?:blocked|banned|blacklisted|blocklisted|denied|not allowed|not permitted|not whitelisted|not in the allow)/)
			|| /ip address (?:is )?not (?:allowed|permitted|whitelisted)|access denied for your ip/.test(lower)},
	{what: 'hotlink-text', kind: 'hotlink', cause: 'hotlink-protection', weight: 0.7, label: 'says hotlinking is not allowed',
		test: lower => /hot-?link(?:ing)? (?:is )?(?:not (?:allowed|permitted)|prohibited|forbidden|denied|disabled)|hot-?link(?:ing)? protection/.test(lower)},
	{what: 'rate-limit-text', kind: 'rate-limit', cause: 'rate-limited', weight: 0.5, label: 'says the client sent too many requests',
		test: lower => /\brate[- ]limit(?:ed|ing|s)?\b|too many requests|request limit (?:exceeded|reached)/.test(lower)},
	{what: 'challenge-text', kind: 'challenge', cause: 'waf-challenge', weight: 0.45, label: 'asks the client to prove it is human',
		test: lower => /verify (?:that )?you are (?:a )?human|are you a robot|checking your browser before|complete the security check|verifying you are human/.test(lower)},
	{what: 'bot-text', kind: 'bot-block', cause: 'bot-block', weight: 0.4, label: 'says automated clients are refused',
		test: lower => /automated (?:requests|queries|access|traffic)|bot traffic|you(?:'ve| have) been blocked by network security/.test(lower)},
];

/** Block-page wording of no particular vendor, read only when no vendor recognised the refusal as its own. */
export function readGenericText(page: Page): Sighting[] {
	if (!blockStatuses.has(page.status)) {
		return [];
	}

	const sightings: Sighting[] = [];
	for (const rule of rules) {
		if (!rule.test(page.lower)) {
			continue;
		}

		// A 429 confirms rate-limit wording; the same words on a 403 page are a little less sure.
		const weight = rule.cause === 'rate-limited' && page.status === 429 ? 0.7 : rule.weight;
		const finding: Finding = {code: `vendor.generic.${rule.what}`, text: `The ${page.status} page ${rule.label}.`, supports: {[rule.cause]: weight}, mark: 'warn'};
		sightings.push({layer: 'page', claims: true, kind: rule.kind, findings: [finding]});
	}

	return sightings;
}
