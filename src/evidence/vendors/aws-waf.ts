import type {Finding} from '../types.js';
import {presentCookies, seen, serverSignal} from './finding.js';
import {isBlockStatus, type Page} from './page.js';
import type {Sighting} from './types.js';

/** Markup of the AWS WAF challenge and CAPTCHA interstitials (its JavaScript comes from *.awswaf.com). */
const interstitialMarkers = ['awswaf.com', 'window.gokuprops', 'awswafcookiedomainlist'];

const challengeFix: Finding['fix'] = {
	visitor: ['Open the URL in an ordinary browser and solve the check; the aws-waf-token cookie it sets lets later requests through.'],
	api: ['Scripts cannot pass an AWS WAF challenge or CAPTCHA; ask the owner to exempt your client (a rule that allows your IP or a header) or use the AWS WAF client integration.'],
	owner: ['In the web ACL, find the rule with a Challenge or CAPTCHA action that matched (sampled requests or WAF logs, action CHALLENGE/CAPTCHA) and scope it away from API paths.'],
};

function challenge(page: Page, action: string): Sighting {
	const isCaptcha = action === 'captcha' || (action === '' && page.status === 405);
	return {vendor: 'aws-waf', layer: 'waf', claims: true, kind: 'challenge', findings: [{
		code: `vendor.aws-waf.${isCaptcha ? 'captcha' : 'challenge'}`,
		text: action === ''
			? `AWS WAF answered ${page.status} with its ${isCaptcha ? 'CAPTCHA' : 'challenge'} page instead of the resource.`
			: `AWS WAF answered ${page.status} with x-amzn-waf-action: ${action}: the request must pass a ${isCaptcha ? 'CAPTCHA' : 'browser challenge'} first.`,
		vendor: 'aws-waf',
		supports: action === '' ? {'waf-challenge': 0.8, 'bot-block': 0.3} : {'waf-challenge': 0.9, 'bot-block': 0.3},
		fix: challengeFix,
		mark: 'fail',
		data: {action: action === '' ? undefined : action},
	}]};
}

/** The ALB's built-in 403 page: the ALB itself answers 403 only when its AWS WAF web ACL blocks a request. */
function albBlock(): Sighting {
	return {vendor: 'aws-waf', layer: 'waf', claims: true, kind: 'rule-block', findings: [{
		code: 'vendor.aws-waf.alb-forbidden',
		text: 'The Application Load Balancer answered with its own "403 Forbidden" page, which it serves when the AWS WAF web ACL attached to it blocks a request.',
		vendor: 'aws-waf',
		supports: {'waf-rule-block': 0.7},
		fix: {owner: ['Open the web ACL associated with the load balancer and look the request up in sampled requests or WAF logs to see which rule blocked it.']},
		mark: 'fail',
	}]};
}

/** AWS WAF's own signals: x-amzn-waf-action, its challenge/CAPTCHA pages, and the ALB's WAF 403 (with the ALB fingerprint). */
export function readAwsWaf(page: Page): Sighting[] {
	const sightings: Sighting[] = [];
	const isAlb = page.server.startsWith('awselb');
	if (isAlb) {
		sightings.push({vendor: 'aws-alb', layer: 'gateway', claims: false, findings: [seen('aws-alb', 'gateway', [serverSignal(page.header('server')), ...presentCookies(page.cookies, ['awsalb', 'awsalbcors'])])]});
	}

	const action = page.header('x-amzn-waf-action').toLowerCase();
	if (action === 'challenge' || action === 'captcha') {
		sightings.push(challenge(page, action));
	} else if (action !== '') {
		sightings.push({vendor: 'aws-waf', layer: 'waf', claims: true, kind: 'rule-block', findings: [{
			code: 'vendor.aws-waf.action', text: `AWS WAF marked the response with x-amzn-waf-action: ${action.slice(0, 20)}.`, vendor: 'aws-waf', supports: {'waf-rule-block': 0.6}, mark: 'fail',
		}]});
	} else if ([202, 403, 405].includes(page.status) && interstitialMarkers.some(marker => page.raw.includes(marker))) {
		sightings.push(challenge(page, ''));
	} else if (isAlb && page.status === 403 && page.title === '403 forbidden' && page.lower.includes('403 forbidden') && page.bodyLength < 1024) {
		sightings.push(albBlock());
	} else if (page.cookies.includes('aws-waf-token') && isBlockStatus(page)) {
		sightings.push({vendor: 'aws-waf', layer: 'waf', claims: false, findings: [seen('aws-waf', 'waf', ['cookie aws-waf-token'])]});
	}

	return sightings;
}
