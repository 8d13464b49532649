import type {Finding} from '../../evidence/types.js';
import type {SiteHints} from './site-mapped.js';

/** Trailing slashes do not make another place: `/srv/www/empty/` and `/srv/www/empty` are one folder. */
const place = (file: string) => (file.length > 1 ? file.replace(/\/+$/, '') : file);

const lendsPermissions = (finding: Finding) => (finding.supports?.['file-permissions'] ?? 0) > 0;

const blockedCodes = new Set(['permissions.not-traversable', 'permissions.not-readable']);
const indexCodes = new Set(['permissions.index-missing', 'permissions.index-present']);

/**
The walk's findings minus those that would count one observation twice in the noisy-OR ranking, or that
only guess what a config reader knows:
- a component the config reader already found blocked for the same cause (the nginx reader stats the path
  as the worker user too); the walk's own `namei -l` lines stay in the transcript;
- the folder's index, when a config reader mapped the URL: without the reader's index names the walk
  only guesses them (index.html, index.htm, index.php), and with them it repeats the reader's own
  "no index file" finding.
*/
export function withoutRepeats(walk: readonly Finding[], earlier: readonly Finding[], site: SiteHints | undefined): Finding[] {
	return walk.filter(finding => {
		if (blockedCodes.has(finding.code) && finding.location) {
			const here = place(finding.location.file);
			return !earlier.some(other => other.location && place(other.location.file) === here && lendsPermissions(other));
		}

		if (indexCodes.has(finding.code) && site) {
			// The readers pass index names only with their own "no index file" finding, so a walk that found
			// none repeats it; a walk that found one with those names contradicts it and is kept.
			return finding.code === 'permissions.index-present' && site.indexFiles !== undefined;
		}

		return true;
	});
}
