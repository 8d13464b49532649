import {createNodePermissionsIo, renderWalk, resolveWebUser, walkFindings, walkPermissions} from '../../owner/permissions/index.js';
import type {CheckDefinition} from '../types.js';
import {mappedPath} from './owner-paths.js';
import {siteHints} from './site-mapped.js';
import {withoutRepeats} from './walk-repeats.js';

/** Walks every component from / to the file, as the web-server user: the `namei -l` an admin would run. */
export const walkPermissionsCheck: CheckDefinition = {
	name: 'walk-permissions',
	description: 'Walk every folder from / to the file the URL maps to, as the web-server user: who can traverse, who can read.',
	params: {},
	label: (_params, context) => `Walking the path to ${mappedPath(context) ?? 'the file'} as the web-server user`,
	async run(_params, context) {
		const file = mappedPath(context);
		if (file === undefined) {
			return {summary: 'skipped: no document root or server config maps this URL to a file', mark: 'info', skipped: true};
		}

		const io = createNodePermissionsIo();
		const webUser = context.input.webUser ?? context.facts.webUser ?? (await resolveWebUser(io))?.user ?? 'www-data';
		// The server's own index names (nginx `index`, Apache `DirectoryIndex`), when a config reader knows them.
		const site = siteHints(context.findings);
		const result = await walkPermissions(file, {webUser, ...(site?.indexFiles ? {indexFiles: site.indexFiles} : {})}, io);
		const all = walkFindings(result);
		const findings = withoutRepeats(all, context.findings, site);
		const blocked = result.firstBlocked === undefined ? undefined : result.entries[result.firstBlocked];
		return {
			findings,
			facts: {webUser},
			detail: renderWalk(result),
			summary: blocked ? `${webUser} is stopped at ${blocked.path}` : `${webUser} can reach ${file}`,
			mark: all.some(finding => finding.mark === 'fail') ? 'fail' : 'ok',
		};
	},
};
