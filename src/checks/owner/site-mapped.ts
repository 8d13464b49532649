import path from 'node:path';
import type {Finding} from '../../evidence/types.js';

/** Code of the finding a config reader adds when it maps the URL to a file (the flow branches on it). */
export const siteMappedCode = 'site.mapped';

/** What a config reader learned that the later owner checks need, carried in its `site.mapped` finding. */
export type SiteHints = {
	/** The index files the server tries for this folder, in order (nginx `index`, Apache `DirectoryIndex`). */
	readonly indexFiles?: readonly string[] | undefined;
};

/** The `site.mapped` finding: the mapping in one sentence, where it was decided, and the hints. */
export function siteMappedFinding(text: string, location: Finding['location'], hints: SiteHints): Finding {
	return {
		code: siteMappedCode,
		text,
		mark: 'info',
		...(location ? {location} : {}),
		...(hints.indexFiles ? {data: {indexFiles: hints.indexFiles}} : {}),
	};
}

/** The hints of the config reader that mapped the URL, or undefined when no reader mapped it. */
export function siteHints(findings: readonly Finding[]): SiteHints | undefined {
	const mapped = findings.findLast(finding => finding.code === siteMappedCode);
	if (!mapped) {
		return undefined;
	}

	const names = mapped.data?.['indexFiles'];
	const indexFiles = Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
	return indexFiles.length > 0 ? {indexFiles} : {};
}

/**
Index file names relative to `folder`: a name with a slash (nginx `index /index.php`, Apache `DirectoryIndex
/cgi-bin/index.pl`) is a URL elsewhere, not a file the walk can look for in the folder.
*/
export function indexNames(candidates: readonly unknown[], folder: string): string[] | undefined {
	const base = folder.endsWith('/') ? folder : `${folder}/`;
	const names = candidates
		.filter((candidate): candidate is string => typeof candidate === 'string')
		.map(candidate => (path.isAbsolute(candidate) && candidate.startsWith(base) ? candidate.slice(base.length) : candidate))
		.filter(name => name !== '' && !name.includes('/'));
	return names.length > 0 ? names : undefined;
}
