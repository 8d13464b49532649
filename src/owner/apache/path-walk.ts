import type {ApacheFsEntry, ApacheIo} from './types.js';

/** One component of the mapped path: what `lstat` says, and for a symbolic link what it points at. */
export type PathStep = {
	readonly path: string;
	readonly entry: ApacheFsEntry;
	readonly target?: ApacheFsEntry;
};

/** The file-system facts httpd's directory walk meets on the way to the file. */
export type PathFacts = {
	/** The mapped path as httpd keeps it: cut after the first component that is missing or a file. */
	readonly filename: string;
	readonly pathInfo: string;
	/** Existing components from the first below `/` down to `filename`. */
	readonly steps: readonly PathStep[];
	/** Kind of `filename` after following links. */
	readonly kind: 'file' | 'directory' | 'missing' | 'other';
};

/** Walks the mapped path component by component, as `ap_directory_walk` does (read-only `lstat`/`stat`). */
export async function walkPath(filename: string, io: ApacheIo): Promise<PathFacts> {
	const parts = filename.split('/').filter(Boolean);
	const steps: PathStep[] = [];
	let current = '';
	for (const [index, part] of parts.entries()) {
		current += `/${part}`;
		const rest = parts.slice(index + 1).map(segment => `/${segment}`).join('');
		const entry = await io.lstat(current);
		if (!entry) {
			return {filename: current, pathInfo: rest, steps, kind: 'missing'};
		}

		const target = entry.kind === 'symlink' ? await io.stat(current) : undefined;
		steps.push({path: current, entry, target});
		const kind = (target ?? entry).kind;
		if (entry.kind === 'symlink' && !target) {
			return {filename: current, pathInfo: rest, steps, kind: 'missing'};
		}

		if (kind !== 'directory') {
			return {filename: current, pathInfo: rest, steps, kind: kind === 'file' ? 'file' : 'other'};
		}
	}

	return {filename: current || '/', pathInfo: '', steps, kind: 'directory'};
}
