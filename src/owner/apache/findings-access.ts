import type {Finding} from '../../evidence/types.js';
import type {AccessCompatOutcome} from './access-compat.js';
import type {AuthzOutcome} from './authz-eval.js';
import type {AuthzLeaf} from './authz-tree.js';
import {causeOfLeaf, causeOfVariables, needsUser, setEnvVariable} from './classify.js';
import type {ConfigBlock} from './dir-conf.js';
import {blockOf, inBlock, refusal, reloadStep, weight, where} from './finding-kit.js';
import {describeMethods} from './methods.js';
import type {SetEnvRule} from './setenvif.js';
import {splitWords, unquoteExpression} from './tokenize.js';
import type {ApacheLocation} from './types.js';

/** What a finding about access rules needs to know about the request. */
export type AccessContext = {
	readonly uri: string;
	readonly method: string;
	readonly clientAddress: string;
	readonly blocks: readonly ConfigBlock[];
	readonly setBy: ReadonlyMap<string, SetEnvRule>;
	/** Variables an expression reads (for naming the cause of `Require expr`). */
	readonly exprReads: (text: string) => readonly string[];
};

/** mod_authz_core's verdict as findings: one per line that refused (the first decisive), or the 401 hint. */
export function authzFindings(outcome: AuthzOutcome, context: AccessContext, decisive: boolean): Finding[] {
	if (outcome.status === 'granted') {
		return [];
	}

	if (outcome.blame.length === 0) {
		return [refusal({
			code: 'apache.require-denied',
			text: `No Require line grants ${context.method} ${context.uri}, so Apache refuses it (AH01630).`,
			cause: 'server-deny-rule', weight: weight(decisive, outcome.uncertain), uncertain: outcome.uncertain, ahCode: 'AH01630',
			fix: ['Add a "Require" line that grants this path (e.g. "Require all granted") to the section that should allow it.', reloadStep],
		})];
	}

	return outcome.blame.map((leaf, index) => leafFinding(leaf, context, decisive && index === 0, outcome.uncertain || outcome.status === 'denied-no-user'));
}

function leafFinding(leaf: AuthzLeaf, context: AccessContext, decisive: boolean, uncertain: boolean): Finding {
	const reads = leaf.provider === 'env'
		? splitWords(leaf.args).map(name => context.setBy.get(name)).filter(rule => rule !== undefined).map(setEnvVariable)
		: (leaf.provider === 'expr' ? context.exprReads(unquoteExpression(leaf.args)) : []);
	const condition = blockOf(leaf.at, context.blocks)?.condition;
	// A plain "Require all denied" inside <If "%{REQUEST_METHOD} == 'PUT'"> is a method block, not a blanket one.
	const conditional = condition === undefined ? 'server-deny-rule' : causeOfVariables(context.exprReads(condition));
	const own = causeOfLeaf(leaf, reads);
	const cause = own === 'server-deny-rule' ? conditional : own;
	const place = `${where(leaf.at)}${inBlock(leaf.at, context.blocks)}`;
	const base = {at: leaf.at, weight: weight(decisive, uncertain), uncertain, data: {directive: leaf.text, provider: leaf.provider, negated: leaf.negate}};
	if (needsUser(leaf)) {
		return refusal({
			...base, code: 'apache.require-user', cause, ahCode: undefined, weight: decisive ? 0.4 : 0.2, uncertain: true,
			text: `"${leaf.text}" at ${place} needs a logged-in user; an anonymous request normally gets 401 (403 only after a failed login with AuthzSendForbiddenOnFailure On).`,
			fix: [`Log in with an account that "${leaf.text}" accepts, or change that line at ${where(leaf.at)} if the path should be public.`],
		});
	}

	const limited = leaf.methods.kind === 'all' ? '' : ` inside ${describeMethods(leaf.methods)}`;
	const code = leaf.negate ? 'apache.require-not' : `apache.require-${leaf.provider || 'unknown'}`;
	const sentence = describeRefusal(leaf, context, limited);
	return refusal({...base, code, cause, ahCode: 'AH01630', text: `${sentence} (${place}).`, fix: fixFor(leaf, context, cause)});
}

function describeRefusal(leaf: AuthzLeaf, context: AccessContext, limited: string): string {
	if (leaf.negate) {
		return `"${leaf.text}"${limited} matches this request (${context.method} from ${context.clientAddress}), so it is refused`;
	}

	switch (leaf.provider) {
		case 'all': {
			return limited ? `"${leaf.text}"${limited} refuses ${context.method} requests to ${context.uri}` : `"${leaf.text}" refuses ${context.method} ${context.uri} to everyone`;
		}

		case 'ip':
		case 'host':
		case 'local': {
			return `"${leaf.text}"${limited} does not include the client ${context.clientAddress}`;
		}

		default: {
			return `"${leaf.text}"${limited} does not grant ${context.method} ${context.uri}`;
		}
	}
}

function fixFor(leaf: AuthzLeaf, context: AccessContext, cause: string): string[] {
	const at = where(leaf.at);
	if (cause === 'method-blocked') {
		return [`${leaf.methods.kind === 'all' ? `"${leaf.text}"` : describeMethods(leaf.methods)} at ${at} forbids ${context.method}: if ${context.method} should be allowed, ${leaf.methods.kind === 'except' ? `add ${context.method} to the <LimitExcept> list` : 'remove the method restriction'}.`, reloadStep];
	}

	if (leaf.negate) {
		return [`Remove ${context.clientAddress} (or the pattern matching it) from "${leaf.text}" at ${at} if this client should get in.`, reloadStep];
	}

	switch (leaf.provider) {
		case 'all': {
			return [`If ${context.uri} should be public, change "${leaf.text}" at ${at} to "Require all granted" (or remove it so the parent folder's rule applies).`, reloadStep];
		}

		case 'ip':
		case 'host':
		case 'local': {
			return [`Add the client to the allow list at ${at}, e.g. "Require ip ${context.clientAddress}" next to "${leaf.text}", or reach the site from an allowed address.`, reloadStep];
		}

		default: {
			return [`Review "${leaf.text}" at ${at}: it does not grant this request.`, reloadStep];
		}
	}
}

/** mod_access_compat's refusal (2.2-style Order/Allow/Deny), logged as AH01797. */
export function compatFinding(outcome: AccessCompatOutcome, context: AccessContext, decisive: boolean): Finding | undefined {
	if (outcome.allowed) {
		return undefined;
	}

	const rule = outcome.blame[0];
	const at: ApacheLocation | undefined = rule?.at ?? outcome.orderAt;
	const fromAll = rule?.from.toLowerCase() === 'all' && rule.text.toLowerCase().startsWith('deny');
	const env = rule && /^env=/i.test(rule.from) ? context.setBy.get(rule.from.slice(4)) : undefined;
	let cause = fromAll || !rule ? 'server-deny-rule' as const : (env ? causeOfVariables([setEnvVariable(env)]) : 'ip-allowlist' as const);
	if (rule && rule.methods.kind !== 'all') {
		cause = 'method-blocked';
	}

	const orderText = `Order ${outcome.order}`;
	const text = rule?.text.toLowerCase().startsWith('deny')
		? `"${rule.text}" (with "${orderText}") refuses ${context.clientAddress} (${where(at)}${inBlock(at, context.blocks)}).`
		: `"${orderText}" allows only the "Allow from" list, which does not include ${context.clientAddress} (${where(at)}${inBlock(at, context.blocks)}).`;
	return refusal({
		code: 'apache.access-compat-denied', text, cause, weight: weight(decisive, outcome.uncertain), uncertain: outcome.uncertain, at, ahCode: 'AH01797',
		data: {directive: rule?.text, order: outcome.order},
		fix: [`Replace the Apache 2.2 "Order/Allow/Deny" lines at ${where(at)} with a 2.4 rule, e.g. "Require all granted" (or "Require ip …" for an allow list); mixing both styles is error-prone.`, reloadStep],
	});
}
