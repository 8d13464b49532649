import type {Finding} from '../../evidence/types.js';
import {classifyReturn} from './classify-return.js';
import {conditionText} from './conditions.js';
import {placeOf} from './directives.js';
import {nginxFinding, quote, reloadStep, weight} from './findings.js';
import type {ReturnHit, RewriteOutcome} from './rewrite-phase.js';
import type {Directive} from './types.js';

/** What the module variables came to, so a finding can say why a condition held. */
export type ConditionFacts = {
	readonly validReferers?: Directive;
	readonly refererReason?: string;
	readonly secureLink?: Directive;
	readonly secureLinkReason?: string;
	readonly referer?: string;
	readonly userAgent?: string;
	readonly method: string;
};

/** Findings for `return 403` that runs (certainly, or behind a condition unknown here) in a rewrite phase. */
export function rewriteFindings(outcome: RewriteOutcome, phase: 'server' | 'location', facts: ConditionFacts): Finding[] {
	const findings: Finding[] = [];
	if (outcome.returned?.code === 403) {
		findings.push(returnFinding(outcome.returned, phase, facts, true));
	}

	for (const hit of outcome.possible) {
		if (hit.code === 403) {
			findings.push(returnFinding(hit, phase, facts, false));
		}
	}

	return findings;
}

function returnFinding(hit: ReturnHit, phase: 'server' | 'location', facts: ConditionFacts, certain: boolean): Finding {
	const classified = classifyReturn(hit.within);
	const rule = hit.within.at(-1)?.directive;
	const where = rule === undefined ? quote(hit.directive) : `\`if ${conditionText(rule.args)}\` (${placeOf(rule)}) with ${quote(hit.directive)}`;
	const scope = phase === 'server' ? 'at server level, before any location is chosen' : 'in the chosen location';
	const detail = detailFor(classified.cause, facts);
	const text = certain
		? `${where} answers 403 ${scope}: ${classified.why}${detail === '' ? '' : ` (${detail})`}.`
		: `${where} answers 403 ${scope} when its condition holds; it could not be evaluated for this request.`;
	return nginxFinding({
		code: classified.code,
		text,
		cause: classified.cause,
		weight: certain ? weight.certain : weight.conditional,
		directive: rule ?? hit.directive,
		fix: fixFor(classified.cause, hit, rule, facts),
		data: {phase, certain, returnAt: placeOf(hit.directive), ...(rule === undefined ? {} : {condition: conditionText(rule.args)})},
	});
}

function detailFor(cause: string, facts: ConditionFacts): string {
	switch (cause) {
		case 'hotlink-protection': {
			return facts.refererReason ?? (facts.referer === undefined ? 'no Referer sent' : `Referer ${facts.referer}`);
		}

		case 'signed-url-expired':
		case 'signed-url-invalid': {
			return facts.secureLinkReason ?? '';
		}

		case 'bot-block': {
			return facts.userAgent === undefined ? '' : `User-Agent "${facts.userAgent}"`;
		}

		case 'method-blocked': {
			return `method ${facts.method}`;
		}

		default: {
			return '';
		}
	}
}

function fixFor(cause: string, hit: ReturnHit, rule: Directive | undefined, facts: ConditionFacts): string[] {
	const ruleText = rule === undefined ? quote(hit.directive) : `the \`if ${conditionText(rule.args)}\` block at ${placeOf(rule)}`;
	switch (cause) {
		case 'hotlink-protection': {
			const list = facts.validReferers === undefined ? 'the `valid_referers` list' : quote(facts.validReferers);
			return [`If this site should be allowed to embed the resource, add its host (or \`none\` for direct visits) to ${list}; otherwise this 403 is the intended hotlink protection.`, reloadStep];
		}

		case 'signed-url-expired':
		case 'signed-url-invalid': {
			const where = facts.secureLink === undefined ? '`secure_link`' : quote(facts.secureLink);
			return [`Generate a fresh link with the same secret and expression as ${where} (and \`secure_link_md5\`); the 403 comes from ${ruleText}.`];
		}

		case 'bot-block': {
			return [`If this client should pass, narrow the User-Agent pattern in ${ruleText}.`, reloadStep];
		}

		case 'method-blocked': {
			return [`If ${facts.method} should be allowed here, change the method test in ${ruleText}.`, reloadStep];
		}

		default: {
			return [`Remove or narrow ${ruleText} (\`return 403\` at ${placeOf(hit.directive)}) if this request should be served.`, reloadStep];
		}
	}
}
