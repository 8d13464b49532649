import type {OptionsState} from './options.js';
import type {PathStep} from './path-walk.js';

/** `resolve_symlink`: FollowSymLinks follows any link whose target exists; SymLinksIfOwnerMatch only one owned by the link's owner. */
export function symlinkVerdict(step: PathStep, options: OptionsState): 'not-allowed' | 'owner-mismatch' | 'target-missing' | undefined {
	if (step.entry.kind !== 'symlink') {
		return undefined;
	}

	if (options.on.has('FollowSymLinks')) {
		return step.target ? undefined : 'target-missing';
	}

	if (options.on.has('SymLinksIfOwnerMatch')) {
		if (!step.target) {
			return 'target-missing';
		}

		return step.target.uid === step.entry.uid ? undefined : 'owner-mismatch';
	}

	return 'not-allowed';
}
