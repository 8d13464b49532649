import type {Finding} from '../../evidence/types.js';
import {evaluateAccess} from './access-rules.js';
import {contextLevels, inheritedDirective, inheritedDirectives, isInherited, type RequestContext} from './context.js';
import {directiveText, placeOf} from './directives.js';
import {nginxFinding, quote, reloadStep, weight} from './findings.js';
import type {Directive} from './types.js';

export type AccessJudgement = {
	readonly findings: readonly Finding[];
	/** Whether the access phase certainly ends the request with 403. */
	readonly denied: boolean;
	/** The `limit_except` block that applies to this method, if any (its settings override the location's). */
	readonly limitExcept?: Directive;
};

/** Methods a `limit_except` list lets through without its block applying (GET implies HEAD). */
export function limitExceptAllows(limitExcept: Directive, method: string): boolean {
	const allowed = limitExcept.args.map(argument => argument.toUpperCase());
	return allowed.includes(method) || (method === 'HEAD' && allowed.includes('GET'));
}

/**
Judges the access phase: `limit_except` (its block applies to other methods), `allow`/`deny` (the innermost
block that has any of them wins as a whole; first matching rule decides), `satisfy any` with
`auth_basic`/`auth_request`, and `auth_request` itself, which can pass a 403 through.
*/
export function judgeAccess(context: RequestContext, method: string, client: string): AccessJudgement {
	const findings: Finding[] = [];
	const limitExcept = inheritedDirective(context, 'limit_except');
	const applies = limitExcept !== undefined && !limitExceptAllows(limitExcept, method) ? limitExcept : undefined;
	const effective: RequestContext = applies === undefined ? context : {...context, extra: [...context.extra, applies]};
	const rules = inheritedDirectives(effective, ['allow', 'deny']);
	const satisfyAny = inheritedDirective(effective, 'satisfy')?.args[0]?.toLowerCase() === 'any';
	const authBasic = enabled(inheritedDirective(effective, 'auth_basic'));
	const authRequest = enabled(inheritedDirective(effective, 'auth_request'));
	const verdict = rules === undefined ? undefined : evaluateAccess(rules.directives, client);
	let denied = false;

	if (verdict?.verdict === 'deny' && verdict.rule !== undefined && rules !== undefined) {
		const softened = satisfyAny && (authBasic !== undefined || authRequest !== undefined);
		denied = !softened && !verdict.uncertain;
		const inLimitExcept = applies !== undefined && rules.level === contextLevels(effective).length - 1;
		findings.push(denyFinding({
			rule: verdict.rule,
			rules: rules.directives,
			limitExcept: inLimitExcept ? applies : undefined,
			inherited: isInherited(effective, rules.level),
			client,
			method,
			strength: softened || verdict.uncertain ? weight.conditional : weight.certain,
			softenedBy: softened ? authBasic ?? authRequest : undefined,
		}));
	}

	if (authRequest !== undefined && !(satisfyAny && verdict?.verdict === 'allow')) {
		findings.push(nginxFinding({
			code: 'nginx.auth-request',
			text: `${quote(authRequest)} asks an auth service first; when it answers 403 (or 401) nginx passes that status through, so credentials may be missing or refused.`,
			cause: 'missing-credentials',
			weight: weight.possible,
			directive: authRequest,
			fix: [`Check what the auth endpoint \`${authRequest.args[0] ?? ''}\` answers for this request (its log), and send the credentials it expects.`],
			data: {expectedErrorLog: 'none for 401/403 from the auth service; "auth request unexpected status: N" for other codes'},
		}));
	}

	return {findings, denied, limitExcept: applies};
}

type DenyInput = {
	readonly rule: Directive;
	readonly rules: readonly Directive[];
	readonly limitExcept: Directive | undefined;
	readonly inherited: boolean;
	readonly client: string;
	readonly method: string;
	readonly strength: number;
	readonly softenedBy: Directive | undefined;
};

function denyFinding(input: DenyInput): Finding {
	const {rule, rules, client} = input;
	const allowsBefore = rules.slice(0, rules.indexOf(rule)).filter(item => item.name === 'allow');
	const denyAll = rule.args[0] === 'all';
	const inherited = input.inherited ? ' (inherited from an outer block: allow/deny here would replace it)' : '';
	const soft = input.softenedBy === undefined ? '' : ` With \`satisfy any\`, ${quote(input.softenedBy)} can still let an authenticated request in, so expect 401 rather than 403 when no credentials are sent.`;
	const data = {expectedErrorLog: 'access forbidden by rule', client, rules: rules.map(item => `${directiveText(item)} @ ${placeOf(item)}`)};

	if (input.limitExcept !== undefined) {
		const block = input.limitExcept;
		return nginxFinding({
			code: 'nginx.limit-except',
			text: `${quote(block)} lets only ${block.args.join(', ')} through; for ${input.method} its block applies and ${quote(rule)} refuses ${client}.${soft}`,
			cause: 'method-blocked',
			weight: input.strength,
			directive: block,
			fix: [`If ${input.method} should be allowed here, add it to ${quote(block)} (e.g. \`limit_except ${[...block.args, input.method].join(' ')} { … }\`), or allow this client inside the block.`, reloadStep],
			data: {...data, method: input.method, denyAt: placeOf(rule)},
		});
	}

	if (denyAll && allowsBefore.length === 0) {
		return nginxFinding({
			code: 'nginx.deny-all',
			text: `${quote(rule)} forbids this location to every client${inherited}.${soft}`,
			cause: 'server-deny-rule',
			weight: input.strength,
			directive: rule,
			fix: [`Remove ${quote(rule)} if this path should be public, or put \`allow ${client};\` before it to let this client in.`, reloadStep],
			data,
		});
	}

	const list = allowsBefore.length === 0 ? '' : ` Only ${allowsBefore.map(item => `\`${item.args[0] ?? ''}\``).join(', ')} may pass.`;
	return nginxFinding({
		code: denyAll ? 'nginx.ip-allowlist' : 'nginx.ip-denied',
		text: `${client} is refused by ${quote(rule)}${inherited}.${list}${soft}`,
		cause: 'ip-allowlist',
		weight: input.strength,
		directive: rule,
		fix: [`Add \`allow ${client};\` before ${quote(rule)}, or reach the site from an allowed address (VPN, office network).`, reloadStep],
		data,
	});
}

function enabled(directive: Directive | undefined): Directive | undefined {
	return directive === undefined || directive.args[0]?.toLowerCase() === 'off' ? undefined : directive;
}
