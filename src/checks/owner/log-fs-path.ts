import path from 'node:path';
import type {Finding} from '../../evidence/types.js';
import {createNodePermissionsIo, defaultIndexFiles, type PermissionsIo} from '../../owner/permissions/index.js';
import {siteHints} from './site-mapped.js';

/**
The file the server opened for this URL, as its error log names it. For a folder URL that is the folder's
index file, not the folder: Apache's AH00132 names `/srv/www/docs/index.html` for `GET /docs/`, and lines
without a request line are matched by that path only. The index names are the config reader's when it knows
them, else the usual ones; the first that exists is the one the server opens.
*/
export async function logFsPath(mapped: string | undefined, urlPath: string, findings: readonly Finding[], io: Pick<PermissionsIo, 'lstat'> = createNodePermissionsIo()): Promise<string | undefined> {
	if (mapped === undefined || !urlPath.endsWith('/')) {
		return mapped;
	}

	// nginx's reader maps a folder URL to the index file it found; only a folder (or a link to one) needs its index looked up.
	const facts = await io.lstat(mapped);
	if ('error' in facts || facts.kind === 'file') {
		return mapped;
	}

	const folder = mapped.endsWith('/') ? mapped : `${mapped}/`;
	for (const name of siteHints(findings)?.indexFiles ?? defaultIndexFiles) {
		const candidate = path.posix.join(folder, name);
		if (!('error' in await io.lstat(candidate))) {
			return candidate;
		}
	}

	return mapped;
}
