import type {Finding} from '../../evidence/types.js';
import {evaluateAccess} from './access-rules.js';
import {contextLevels, inheritedDirective, inheritedDirectives, isInherited, type RequestContext} from './context.js';
import {directiveText, placeOf} from './directives.js';
import {nginxFinding, quote, reloadStep, weight} from './findings.js';
import type {Directive} from './types.js';

export type AccessJudgement = {
	readonly findings: readonly Finding[];
	/** The status the access phase certainly ends the request with (403 by a rule, 401 asking for a password). */
	readonly status?: 401 | 403;
	/** The `limit_except` block that applies to this method, if any (its settings override the location's). */
	readonly limitExcept?: Directive;
	/** `auth_request` in effect, still to be judged (its subrequest decides). */
	readonly authRequest?: Directive;
};

export type AccessRequest = {
	readonly method: string;
	readonly client: string;
	/** Whether the request carries an Authorization header (auth_basic asks for one with 401). */
	readonly hasAuthorization: boolean;
};

/** Methods a `limit_except` list lets through without its block applying (GET implies HEAD). */
export function limitExceptAllows(limitExcept: Directive, method: string): boolean {
	const allowed = limitExcept.args.map(argument => argument.toUpperCase());
	return allowed.includes(method) || (method === 'HEAD' && allowed.includes('GET'));
}

/**
Judges the access phase: `limit_except` (its block applies to other methods), `allow`/`deny` (the innermost
block that has any of them wins as a whole; first matching rule decides; checked before `auth_basic`),
`satisfy any` (one granting module is enough), and `auth_basic` without credentials (401).
*/
export function judgeAccess(context: RequestContext, request: AccessRequest): AccessJudgement {
	const {method, client} = request;
	const findings: Finding[] = [];
	const limitExcept = inheritedDirective(context, 'limit_except');
	const applies = limitExcept !== undefined && !limitExceptAllows(limitExcept, method) ? limitExcept : undefined;
	const effective: RequestContext = applies === undefined ? context : {...context, extra: [...context.extra, applies]};
	const rules = inheritedDirectives(effective, ['allow', 'deny']);
	const satisfyAny = inheritedDirective(effective, 'satisfy')?.args[0]?.toLowerCase() === 'any';
	const authBasic = enabled(inheritedDirective(effective, 'auth_basic'));
	const authRequest = enabled(inheritedDirective(effective, 'auth_request'));
	const verdict = rules === undefined ? undefined : evaluateAccess(rules.directives, client);
	let status: 401 | 403 | undefined;

	if (verdict?.verdict === 'deny' && verdict.rule !== undefined && rules !== undefined) {
		const softened = satisfyAny && (authBasic !== undefined || authRequest !== undefined);
		status = softened || verdict.uncertain ? undefined : 403;
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

	const granted = satisfyAny && verdict?.verdict === 'allow';
	if (status === undefined && authBasic !== undefined && !granted && !request.hasAuthorization) {
		status = 401;
	}

	return {findings, status, limitExcept: applies, authRequest: granted || status !== undefined ? undefined : authRequest};
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
