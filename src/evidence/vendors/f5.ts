import type {Finding} from '../types.js';
import {presentCookies, presentHeaders, seen, serverSignal} from './finding.js';
import {capture, isBlockStatus, type Page} from './page.js';
import type {Sighting} from './types.js';

/**
F5 BIG-IP ASM / Advanced WAF (and NGINX App Protect, which reuses the page): "Request Rejected … The requested
URL was rejected. Please consult with your administrator. Your support ID is: <digits>". ASM serves it with 200
by default, so its small "Request Rejected" page with a support ID counts whatever the status.
*/
export function readF5(page: Page): Sighting[] {
	const found = [
		...(page.server.includes('big-ip') || page.server.includes('bigip') ? [serverSignal(page.header('server'))] : []),
		...presentHeaders(page.has, ['x-wa-info', 'x-cnection']),
		...presentCookies(page.cookies, ['bigipserver*', 'ts01*', 'f5_cspm']),
	];
	const supportId = capture(page.text, /your support id is:?\s*(\d{6,24})\b/i);
	const rejected = supportId !== undefined && page.lower.includes('the requested url was rejected')
		&& (isBlockStatus(page) || (page.title === 'request rejected' && page.bodyLength < 8192));
	if (found.length === 0 && !rejected) {
		return [];
	}

	const reference = supportId === undefined ? undefined : {name: 'F5 support ID', value: supportId};
	const findings: Finding[] = [seen('f5', 'gateway', found.length > 0 ? found : ['F5 "Request Rejected" page'])];
	if (!rejected) {
		return [{vendor: 'f5', layer: 'gateway', claims: false, reference, findings}];
	}

	findings.push({
		code: 'vendor.f5.request-rejected',
		text: `F5 BIG-IP ASM (Advanced WAF) rejected the request: "The requested URL was rejected", support ID ${supportId}.`,
		vendor: 'f5',
		supports: {'waf-rule-block': 0.85},
		fix: {
			owner: [`In the BIG-IP Configuration utility, open Security → Event Logs → Application → Requests and search for support ID ${supportId} to see the violation; relax it or add an exception.`],
			visitor: [`Send the site owner the support ID ${supportId}.`],
		},
		mark: 'fail',
		data: {status: page.status},
	});
	return [{vendor: 'f5', layer: 'gateway', claims: true, kind: 'rule-block', reference, findings}];
}
