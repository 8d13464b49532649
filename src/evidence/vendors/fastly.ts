import type {Finding} from '../types.js';
import {presentHeaders, seen} from './finding.js';
import {isRefusal, safeId, type Page} from './page.js';
import type {Sighting, VendorReference} from './types.js';

function signals(page: Page): string[] {
	const servedBy = page.header('x-served-by').toLowerCase();
	return [
		...(/\bcache-[a-z]{3,4}\d/.test(servedBy) ? ['x-served-by: cache-…'] : []),
		...presentHeaders(page.has, ['x-fastly-request-id', 'fastly-restarts', 'fastly-debug-digest']),
		...(page.server.includes('fastly') ? ['server: …fastly…'] : []),
	];
}

/** Fastly: its cache-node headers; "Fastly error: unknown domain" (the host is not on any service); NGWAF's 406. */
export function readFastly(page: Page): Sighting[] {
	const found = signals(page);
	const unknownDomain = isRefusal(page) && page.lower.includes('fastly error: unknown domain');
	if (found.length === 0 && !unknownDomain) {
		return [];
	}

	const id = safeId(page.header('x-fastly-request-id')) ?? safeId(page.header('x-served-by'));
	const reference: VendorReference | undefined = id === undefined ? undefined : {name: page.has('x-fastly-request-id') ? 'Fastly request ID' : 'Fastly cache node (x-served-by)', value: id};
	const findings: Finding[] = [seen('fastly', 'edge', found.length > 0 ? found : ['Fastly error page'])];
	if (unknownDomain) {
		findings.push({
			code: 'vendor.fastly.unknown-domain',
			text: 'Fastly answered "unknown domain": the host name is not attached to any Fastly service, so the URL does not lead to the site.',
			vendor: 'fastly',
			supports: {'wrong-url': 0.75},
			fix: {visitor: ['Check the host name in the URL.'], owner: ['Add this domain to the Fastly service, or point its DNS elsewhere.']},
			mark: 'fail',
		});
		return [{vendor: 'fastly', layer: 'edge', claims: true, kind: 'wrong-url', reference, findings}];
	}

	// Fastly's Next-Gen WAF (Signal Sciences) blocks with 406 by default; an origin rarely answers 406 to a GET.
	if (page.status === 406) {
		findings.push({
			code: 'vendor.fastly.ngwaf-406',
			text: 'Fastly answered 406 Not Acceptable, the status its Next-Gen WAF uses when it blocks a request.',
			vendor: 'fastly',
			supports: {'waf-rule-block': 0.4},
			fix: {owner: ['Look for this request in the Next-Gen WAF (Signal Sciences) console\'s blocked requests and adjust the rule or signal that matched.']},
			mark: 'warn',
		});
		return [{vendor: 'fastly', layer: 'edge', claims: true, kind: 'rule-block', reference, findings}];
	}

	return [{vendor: 'fastly', layer: 'edge', claims: false, reference, findings}];
}
