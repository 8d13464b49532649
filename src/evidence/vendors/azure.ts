import type {Finding} from '../types.js';
import {presentHeaders, seen, serverSignal} from './finding.js';
import {isBlockStatus, safeId, type Page} from './page.js';
import type {Sighting} from './types.js';

const appGatewayToken = 'microsoft-azure-application-gateway';

/** Azure Front Door: x-azure-ref; its WAF blocks with 403 "The request is blocked." (429 for rate-limit rules). */
function frontDoor(page: Page): Sighting[] {
	const ref = safeId(page.header('x-azure-ref'));
	if (ref === undefined && !page.has('x-fd-healthprobe')) {
		return [];
	}

	const reference = ref === undefined ? undefined : {name: 'Azure Front Door reference (x-azure-ref)', value: ref};
	const findings: Finding[] = [seen('azure-front-door', 'edge', presentHeaders(page.has, ['x-azure-ref', 'x-fd-healthprobe']))];
	const generated = page.header('x-cache').toUpperCase().includes('CONFIG_NOCACHE');
	const lookUp = `In the Front Door WAF logs (FrontDoorWebApplicationFirewallLog), find trackingReference_s ${ref ?? '(the x-azure-ref value)'} to see which rule matched.`;
	if (page.status === 403 && page.lower.includes('the request is blocked')) {
		findings.push({code: 'vendor.azure-front-door.waf-blocked', text: 'Azure Front Door\'s WAF answered 403 "The request is blocked.": a WAF policy rule matched the request.',
			vendor: 'azure-front-door', supports: {'waf-rule-block': 0.85}, fix: {owner: [lookUp, 'Then add an exclusion or change that rule\'s action.'], visitor: [`Send the site owner the reference ${ref ?? 'shown on the page'}.`]}, mark: 'fail', data: {configGenerated: generated}});
		return [{vendor: 'azure-front-door', layer: 'edge', claims: true, kind: 'rule-block', reference, findings}];
	}

	if (page.status === 429 && generated) {
		findings.push({code: 'vendor.azure-front-door.rate-limited', text: 'Azure Front Door answered 429 itself (x-cache: CONFIG_NOCACHE), as its WAF rate-limit rules do.',
			vendor: 'azure-front-door', supports: {'rate-limited': 0.8}, fix: {owner: [lookUp], api: ['Slow down and retry later.']}, mark: 'fail'});
		return [{vendor: 'azure-front-door', layer: 'edge', claims: true, kind: 'rate-limit', reference, findings}];
	}

	return [{vendor: 'azure-front-door', layer: 'edge', claims: false, reference, findings}];
}

/** Azure Application Gateway (an nginx underneath): it answers 403 itself only when its WAF blocks. */
function appGateway(page: Page): Sighting[] {
	const byServer = page.server.startsWith(appGatewayToken);
	const byFooter = isBlockStatus(page) && page.lower.includes(appGatewayToken);
	if (!byServer && !byFooter) {
		return [];
	}

	const findings: Finding[] = [seen('azure-app-gateway', 'gateway', byServer ? [serverSignal(page.header('server'))] : ['Application Gateway error page'])];
	if (page.status === 403 && (byFooter || page.title === '403 forbidden')) {
		findings.push({code: 'vendor.azure-app-gateway.waf-blocked', text: 'Azure Application Gateway answered with its own 403 page, which it serves when its WAF policy blocks a request.',
			vendor: 'azure-app-gateway', supports: {'waf-rule-block': 0.75},
			fix: {owner: ['In the Application Gateway\'s WAF logs (ApplicationGatewayFirewallLog / AGWFirewallLogs), find the blocked request and its ruleId; add an exclusion or custom rule for it.']}, mark: 'fail'});
		return [{vendor: 'azure-app-gateway', layer: 'gateway', claims: true, kind: 'rule-block', findings}];
	}

	if (page.status === 400 && page.lower.includes('no required ssl certificate was sent')) {
		findings.push({code: 'vendor.azure-app-gateway.client-certificate', text: 'Azure Application Gateway answered "No required SSL certificate was sent": the listener requires a client certificate (mutual TLS).',
			vendor: 'azure-app-gateway', supports: {'tls-rejected': 0.85}, fix: {api: ['Send the client certificate the gateway\'s SSL profile trusts.']}, mark: 'fail'});
		return [{vendor: 'azure-app-gateway', layer: 'gateway', claims: true, kind: 'tls', findings}];
	}

	return [{vendor: 'azure-app-gateway', layer: 'gateway', claims: false, findings}];
}

export function readAzure(page: Page): Sighting[] {
	return [...frontDoor(page), ...appGateway(page)];
}
