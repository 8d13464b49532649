import type {Finding} from '../types.js';
import {presentHeaders, seen} from './finding.js';
import {isRefusal, safeId, type Page} from './page.js';
import type {BlockKind, Sighting} from './types.js';

const gatewayErrorTypes = new Set(['MissingAuthenticationTokenException', 'ForbiddenException', 'AccessDeniedException', 'UnauthorizedException', 'InvalidSignatureException', 'IncompleteSignatureException']);

type Verdict = {what: string; kind: BlockKind; text: string; supports: Finding['supports']; fix: Finding['fix']};

/** The `message` of API Gateway's small JSON error body, if it has one. */
function messageOf(page: Page): string {
	const trimmed = page.view.body.trim();
	if (!trimmed.startsWith('{') || trimmed.length > 4096) {
		return '';
	}

	try {
		const parsed = JSON.parse(trimmed) as Record<string, unknown>;
		const message = parsed['message'] ?? parsed['Message'];
		return typeof message === 'string' ? message.slice(0, 300) : '';
	} catch {
		return '';
	}
}

function verdictOf(errorType: string, message: string): Verdict | undefined {
	const lower = message.toLowerCase();
	if (errorType === 'MissingAuthenticationTokenException' || lower === 'missing authentication token') {
		return {what: 'missing-authentication-token', kind: 'auth-required', supports: {'missing-credentials': 0.5, 'wrong-url': 0.5},
			text: 'API Gateway answered "Missing Authentication Token", which it says both when a route needs IAM-signed requests and when no route matches the path or method.',
			fix: {api: ['Check the stage, path and method against the API\'s routes first (an unknown route gets this answer); if the route exists and uses IAM authorization, sign the request with SigV4.'], owner: ['Check the deployed stage has a resource and method for this path, and which authorization it requires.']}};
	}

	if (lower.includes('not authorized to perform: execute-api:invoke') || errorType === 'AccessDeniedException') {
		const resourcePolicy = lower.includes('anonymous') || lower.includes('explicit deny');
		return {what: 'access-denied', kind: resourcePolicy ? 'rule-block' : 'auth-required', supports: resourcePolicy ? {'ip-allowlist': 0.45, 'insufficient-scope': 0.35} : {'insufficient-scope': 0.55, 'missing-credentials': 0.25},
			text: `API Gateway refused the call: "${message.slice(0, 160)}".`,
			fix: {owner: ['Check the API\'s resource policy (source IP or VPC conditions) and the caller\'s IAM policy for execute-api:Invoke on this route.'], api: ['Call with credentials whose IAM policy allows execute-api:Invoke on this route, from an allowed network.']}};
	}

	if (lower.includes('user is not authorized to access this resource')) {
		return {what: 'authorizer-deny', kind: 'auth-required', supports: {'insufficient-scope': 0.55, 'token-invalid': 0.2},
			text: 'API Gateway answered "User is not authorized to access this resource": the authorizer (or resource policy) denied this caller.',
			fix: {api: ['Check the token or key you send is for this API and carries the needed scope.'], owner: ['Check the Lambda/Cognito authorizer\'s policy for this caller and route (authorizer results may be cached).']}};
	}

	if (errorType === 'InvalidSignatureException' || errorType === 'IncompleteSignatureException') {
		const expired = lower.includes('signature expired');
		return {what: 'bad-signature', kind: 'auth-required', supports: expired ? {'clock-skew': 0.6, 'token-invalid': 0.2} : {'token-invalid': 0.55},
			text: `API Gateway rejected the request's SigV4 signature: "${message.slice(0, 160)}".`,
			fix: {api: [expired ? 'Sync the client\'s clock (SigV4 allows 5 minutes of skew) and sign again.' : 'Sign with the right credentials, region and service (execute-api), over the exact path, query and headers sent.']}};
	}

	if (errorType === 'UnauthorizedException') {
		return {what: 'unauthorized', kind: 'auth-required', supports: {'missing-credentials': 0.4, 'token-invalid': 0.4},
			text: 'API Gateway answered "Unauthorized": the authorizer found no valid token in the request (missing, expired or malformed).',
			fix: {api: ['Send the token in the header the authorizer reads (usually Authorization), unexpired and for this API.']}};
	}

	if (errorType === 'ForbiddenException' || lower === 'forbidden') {
		return {what: 'forbidden', kind: 'generic', supports: {'missing-credentials': 0.35, 'waf-rule-block': 0.2, 'ip-allowlist': 0.15},
			text: 'API Gateway answered {"message":"Forbidden"}: a required API key (x-api-key) is missing or wrong, a WAF web ACL blocked the call, or a private API was called from outside its VPC endpoint.',
			fix: {api: ['Send the API key in the x-api-key header if the method requires one, and check it belongs to a usage plan for this stage.'], owner: ['Check the method\'s "API key required" setting, the stage\'s web ACL, and whether the API is private (reachable only through its VPC endpoint).']}};
	}

	return undefined;
}

/** Amazon API Gateway: x-amzn-requestid / x-amz-apigw-id / x-amzn-errortype and its JSON error messages. */
export function readApiGateway(page: Page): Sighting[] {
	const errorType = page.header('x-amzn-errortype').split(':')[0] ?? '';
	const found = presentHeaders(page.has, ['x-amz-apigw-id', 'apigw-requestid']);
	const message = isRefusal(page) ? messageOf(page) : '';
	// Other AWS services (Lambda function URLs, AppSync…) send x-amzn-errortype too; only API Gateway's types count alone.
	const gatewayType = gatewayErrorTypes.has(errorType) && !message.toLowerCase().includes('function url');
	if (gatewayType) {
		found.push(`x-amzn-errortype: ${errorType}`);
	}

	const gateway = found.length > 0 || (page.has('x-amzn-requestid') && message === 'Missing Authentication Token');
	if (!gateway) {
		return [];
	}

	const id = safeId(page.header('x-amzn-requestid')) ?? safeId(page.header('apigw-requestid'));
	const reference = id === undefined ? undefined : {name: 'API Gateway request ID (x-amzn-requestid)', value: id};
	const findings: Finding[] = [seen('aws-api-gateway', 'gateway', found.length > 0 ? found : ['x-amzn-requestid'])];
	const verdict = isRefusal(page) ? verdictOf(errorType, message) : undefined;
	if (verdict === undefined) {
		return [{vendor: 'aws-api-gateway', layer: 'gateway', claims: false, reference, findings}];
	}

	findings.push({code: `vendor.aws-api-gateway.${verdict.what}`, text: verdict.text, vendor: 'aws-api-gateway', supports: verdict.supports, fix: verdict.fix, mark: 'fail', data: {errorType: errorType || undefined}});
	return [{vendor: 'aws-api-gateway', layer: 'gateway', claims: true, kind: verdict.kind, reference, findings}];
}
