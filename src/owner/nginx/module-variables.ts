import {inheritedDirective, type RequestContext} from './context.js';
import {evaluateReferer} from './referers.js';
import type {RequestFacts} from './request.js';
import {evaluateSecureLink} from './secure-link.js';
import type {Directive} from './types.js';
import type {VariableLookup} from './variables.js';

/** `$invalid_referer`, `$secure_link` and `$secure_link_expires` for a context, and why they hold. */
export type ModuleVariables = {
	readonly values: ReadonlyMap<string, string | undefined>;
	readonly validReferers?: Directive;
	readonly refererReason?: string;
	readonly secureLink?: Directive;
	readonly secureLinkReason?: string;
};

/**
Computes the module variables the usual 403 rules test. Without `valid_referers` nginx treats every
Referer as valid (`$invalid_referer` is empty); without `secure_link` the variable is simply unset.
*/
export function moduleVariables(context: RequestContext, facts: RequestFacts, serverNames: readonly string[], lookup: VariableLookup): ModuleVariables {
	const values = new Map<string, string | undefined>();
	const validReferers = inheritedDirective(context, 'valid_referers');
	let refererReason: string | undefined;
	if (validReferers === undefined) {
		values.set('invalid_referer', '');
	} else {
		const verdict = evaluateReferer(validReferers.args, facts.headers.get('referer'), serverNames);
		values.set('invalid_referer', verdict.invalidReferer);
		refererReason = verdict.reason;
	}

	const secureLink = inheritedDirective(context, 'secure_link');
	let secureLinkReason: string | undefined;
	if (secureLink?.args[0] !== undefined) {
		const md5 = inheritedDirective(context, 'secure_link_md5')?.args[0];
		const result = evaluateSecureLink(secureLink.args[0], md5, lookup, facts.now);
		values.set('secure_link', result.value);
		values.set('secure_link_expires', result.expires ?? '');
		secureLinkReason = result.reason;
	}

	return {values, validReferers, refererReason, secureLink, secureLinkReason};
}
