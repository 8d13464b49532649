import {bodyText} from './auth-texts.js';
import {headerValues} from './headers.js';
import type {Finding, ResponseView} from './types.js';

/**
The `Link` targets with `rel="blocked-by"` (RFC 7725 §4): who implements the block — an ISP, a search engine,
the host itself — not who demanded it. Parses `<uri>; rel="blocked-by"` and `rel=blocked-by`, several links
per field and space-separated relation lists.
*/
export function blockedBy(view: ResponseView): string[] {
	const targets: string[] = [];
	for (const value of headerValues(view.headers ?? {}, 'link')) {
		for (const match of value.slice(0, 8192).matchAll(/<([^>]{1,2048})>([^<]*)/g)) {
			const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
			const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
			if (relations.includes('blocked-by') && targets.length < 10) {
				targets.push(match[1]!.trim());
			}
		}
	}

	return targets;
}

/**
Reads a 451 Unavailable For Legal Reasons (RFC 7725) into a `legal.451` finding with no cause support: the
engine reports it as a legal block and stops, rather than ranking it among 403 causes. A 403 whose page
speaks of legal reasons gets an informational note only.
*/
export function readLegal(view: ResponseView): Finding[] {
	const implementers = blockedBy(view);
	if (view.status === 451) {
		return [{
			code: 'legal.451',
			text: `The server answered 451 Unavailable For Legal Reasons: the resource is withheld because of a legal demand, which is not an access rule fix403 can diagnose${implementers.length > 0 ? `; the block is implemented by ${implementers.join(', ')}` : ''}.`,
			mark: 'fail',
			data: {status: 451, blockedBy: implementers},
			fix: {
				visitor: ['The block is deliberate and legal; the page body and the blocked-by link say who implements it and often why.'],
				owner: ['If you did not mean to withhold this resource, find which layer returns 451 (a CDN or hosting compliance rule, or the application) and why.'],
			},
		}];
	}

	if (view.status === 403 && typeof view.body === 'string' && /unavailable for legal reasons|for legal reasons|due to legal (?:restrictions|requirements)/i.test(bodyText(view.body))) {
		// "Not available in your country for legal reasons" is how many geo-blocks explain themselves.
		const regional = /\b(?:country|countries|region|territory|location)\b/i.test(bodyText(view.body));
		return [{
			code: 'legal.mentioned',
			text: 'The 403 page mentions legal reasons; a legal block should be answered with 451, so fix403 treats this as a 403.',
			mark: 'info',
			...(regional ? {supports: {'geo-block': 0.2}} : {}),
			data: {blockedBy: implementers},
		}];
	}

	return [];
}
