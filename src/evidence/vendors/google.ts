import type {Finding} from '../types.js';
import type {Page} from './page.js';
import type {Sighting} from './types.js';

/**
The Google Front End's bare 403 (`<title>403</title>403 Forbidden`) behind `via: 1.1 google`: what a Cloud Armor
deny rule answers on an external Application Load Balancer. The GFE alone is not in the vendor list, so the
balancer is named only when that page is seen.
*/
export function readGoogle(page: Page): Sighting[] {
	const viaGoogle = page.header('via').toLowerCase().split(',').some(hop => hop.trim().endsWith(' google'));
	if (page.status !== 403) {
		return [];
	}

	if (viaGoogle && page.title === '403' && page.lower.endsWith('403 forbidden') && page.bodyLength < 1024) {
		const findings: Finding[] = [
			{code: 'vendor.google-cloud-armor.seen', text: 'The response came through a Google Cloud load balancer (via: 1.1 google).', vendor: 'google-cloud-armor', mark: 'info', data: {signals: ['via: 1.1 google']}},
			{code: 'vendor.google-cloud-armor.denied', text: 'The Google load balancer answered with its bare "403 Forbidden" page, what a Cloud Armor security policy deny rule returns.',
				vendor: 'google-cloud-armor', supports: {'waf-rule-block': 0.5, 'ip-allowlist': 0.25},
				fix: {owner: ['In Cloud Logging, query the load balancer\'s requests with jsonPayload.enforcedSecurityPolicy.outcome="DENY" to see which Cloud Armor rule (priority) matched, and adjust it.']}, mark: 'fail'},
		];
		return [{vendor: 'google-cloud-armor', layer: 'edge', claims: true, kind: 'rule-block', findings}];
	}

	// Cloud Run / App Engine behind the GFE refuse unauthenticated calls to private services with this page.
	if ((viaGoogle || page.server === 'google frontend') && page.lower.includes('your client does not have permission to get url')) {
		return [{layer: 'page', claims: true, kind: 'auth-required', findings: [{
			code: 'vendor.google.iam-forbidden',
			text: 'Google answered "Your client does not have permission to get URL … from this server", what Cloud Run and other Google-fronted services say when the caller lacks an identity token or the invoker role.',
			supports: {'missing-credentials': 0.45, 'insufficient-scope': 0.25},
			fix: {api: ['Call with an identity token for this service (Authorization: Bearer <ID token>) from an account with the Cloud Run Invoker role, or ask the owner to allow unauthenticated access.']},
			mark: 'fail',
		}]}];
	}

	return [];
}
