import type {Finding} from '../../evidence/types.js';
import {causeOfVariables, condVariables} from './classify.js';
import type {ConfigBlock} from './dir-conf.js';
import {inBlock, refusal, reloadStep, weight, where} from './finding-kit.js';
import type {RewriteOutcome} from './rewrite-eval.js';

/** A `RewriteRule … [F]` that fired; the conditions above it name the cause (Referer, User-Agent, method…). */
export function rewriteFinding(outcome: RewriteOutcome, blocks: readonly ConfigBlock[], decisive: boolean): Finding | undefined {
	const rule = outcome.forbidden;
	if (!rule) {
		return undefined;
	}

	const variables = condVariables(rule.conds);
	const cause = causeOfVariables(variables);
	const conditions = rule.conds.length > 0 ? ` when ${rule.conds.map(cond => `"${cond.text}"`).join(' and ')}` : '';
	return refusal({
		code: 'apache.rewrite-forbidden',
		text: `"${rule.text}"${conditions} forbids this request (${where(rule.at)}${inBlock(rule.at, blocks)}); mod_rewrite logs nothing for it at the default LogLevel.`,
		cause, weight: weight(decisive, outcome.uncertain), uncertain: outcome.uncertain, at: rule.at,
		data: {directive: rule.text, conditions: rule.conds.map(cond => cond.text), variables},
		fix: [`Change or remove "${rule.text}" at ${where(rule.at)}${rule.conds.length > 0 ? ' (or its RewriteCond lines above it)' : ''} if this request should pass.`, reloadStep],
	});
}

/** Per-directory rewriting with FollowSymLinks and SymLinksIfOwnerMatch both off (AH00670). */
export function rewriteOptionsFinding(at: {file: string; line: number} | undefined, decisive: boolean): Finding {
	return refusal({
		code: 'apache.rewrite-needs-symlinks',
		text: `RewriteRule is used in a directory context where Options has neither FollowSymLinks nor SymLinksIfOwnerMatch${at ? ` (${where(at)})` : ''}, so Apache forbids every request there (AH00670).`,
		cause: 'symlink-blocked', weight: weight(decisive, false), at, ahCode: 'AH00670',
		fix: [`Add "Options +SymLinksIfOwnerMatch" (or +FollowSymLinks) where the RewriteRule lines are, or turn RewriteEngine Off there.`, reloadStep],
	});
}
