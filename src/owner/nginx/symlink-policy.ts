import {inheritedDirective, type RequestContext} from './context.js';
import type {SymlinkPolicy} from './path-walk.js';
import {interpolate, type VariableLookup} from './variables.js';

/** `disable_symlinks` of a context, with its `from=` part filled in (usually `$document_root`). */
export function symlinkPolicy(context: RequestContext, lookup: VariableLookup): SymlinkPolicy {
	const directive = inheritedDirective(context, 'disable_symlinks');
	const mode = directive?.args[0]?.toLowerCase();
	if (mode !== 'on' && mode !== 'if_not_owner') {
		return {mode: 'off'};
	}

	const from = directive?.args.find(argument => argument.startsWith('from='))?.slice(5);
	return {mode, from: from === undefined ? undefined : interpolate(from, lookup)};
}
