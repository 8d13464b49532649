import type {CauseId} from '../../diagnosis/cause-ids.js';
import {conditionVariables} from './conditions.js';
import type {IfFrame} from './rewrite-phase.js';

export type ReturnCause = {readonly cause: CauseId; readonly code: string; readonly why: string};

/**
What a `return 403` means, judged by the `if` around it: Referer checks are hotlink protection, User-Agent
checks are bot blocking, method checks block methods, `$secure_link` "" / "0" are invalid / expired signed
URLs, address checks are allow lists, GeoIP checks are geo blocks; anything else (or no `if`) is a plain
deny rule.
*/
export function classifyReturn(within: readonly IfFrame[]): ReturnCause {
	for (const frame of [...within].reverse()) {
		const condition = frame.condition;
		if (condition === undefined) {
			continue;
		}

		const variables = conditionVariables(condition);
		if (variables.includes('secure_link')) {
			const expired = condition.kind === 'compare' && condition.value === '0';
			return expired
				? {cause: 'signed-url-expired', code: 'nginx.secure-link-expired', why: 'the signed link has expired'}
				: {cause: 'signed-url-invalid', code: 'nginx.secure-link-invalid', why: 'the signed link hash is missing or wrong'};
		}

		if (variables.some(name => name === 'invalid_referer' || name === 'http_referer')) {
			return {cause: 'hotlink-protection', code: 'nginx.referer-rule', why: 'the Referer is not accepted'};
		}

		if (variables.includes('http_user_agent')) {
			return {cause: 'bot-block', code: 'nginx.user-agent-rule', why: 'the User-Agent is blocked'};
		}

		if (variables.includes('request_method')) {
			return {cause: 'method-blocked', code: 'nginx.method-rule', why: 'the request method is blocked'};
		}

		if (variables.some(name => /^(?:remote_addr|binary_remote_addr|realip_remote_addr|http_x_forwarded_for|http_x_real_ip)$/.test(name))) {
			return {cause: 'ip-allowlist', code: 'nginx.address-rule', why: 'the client address is not allowed'};
		}

		if (variables.some(name => /^geoip2?_|country/.test(name))) {
			return {cause: 'geo-block', code: 'nginx.geo-rule', why: 'the client country is blocked'};
		}

		if (variables.some(name => /^(?:http_authorization|cookie_|arg_(?:token|key|api_?key|access_token|auth))/.test(name))) {
			return {cause: 'missing-credentials', code: 'nginx.credential-rule', why: 'a credential is missing or wrong'};
		}
	}

	return {cause: 'server-deny-rule', code: 'nginx.return-403', why: within.length === 0 ? 'the location answers 403 to everyone' : 'a condition in the config answers 403'};
}
