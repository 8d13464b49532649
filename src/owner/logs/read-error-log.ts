import type {Finding} from '../../evidence/types.js';
import {type ClassifiedError, classifyErrorEntry, parseErrorLine} from './classify-error.js';
import {addToGroups, type ErrorGroup, errorLogFindings} from './error-findings.js';
import {concernsPath} from './path-match.js';
import {type ReadStats, readLogLines} from './read-lines.js';

/** Options of `readErrorLog`. */
export type ErrorLogOptions = {
	/** URL path of the request (`/dir/page.html`); lines about other paths are ignored. */
	readonly path?: string;
	/** File the URL maps to, when known (docroot + path): matched exactly. */
	readonly fsPath?: string;
	/** Read only the last this many bytes (default 64 MiB). */
	readonly tailBytes?: number;
};

/** What `readErrorLog` found. */
export type ErrorLogResult = {
	readonly file: string;
	readonly stats: ReadStats;
	/** Which server wrote most parsed lines. */
	readonly server: 'nginx' | 'apache' | 'unknown';
	/** Recognised lines about the path, oldest first; the most recent 200 are kept. */
	readonly matches: readonly ClassifiedError[];
	readonly findings: readonly Finding[];
};

const maxMatches = 200;

/**
Reads an nginx or Apache error log (its tail), keeps the lines that explain a 403 for the given path, and
turns them into findings located at the log file and line. Throws `LogReadError` when the file cannot be read.
*/
export async function readErrorLog(file: string, options: ErrorLogOptions = {}): Promise<ErrorLogResult> {
	const filter = {urlPath: options.path, fsPath: options.fsPath};
	const matches: ClassifiedError[] = [];
	const groups = new Map<string, ErrorGroup>();
	const servers = {nginx: 0, apache: 0};
	const stats = await readLogLines(file, {tailBytes: options.tailBytes}, (line, lineNumber) => {
		const entry = parseErrorLine(line);
		if (!entry) {
			return;
		}

		servers[entry.server]++;
		const classified = classifyErrorEntry(entry);
		if (!classified || !concernsPath(filter, {request: entry.request, ...classified.match})) {
			return;
		}

		const match = {entry, ...classified, line: lineNumber};
		addToGroups(groups, match);
		matches.push(match);
		if (matches.length > maxMatches * 2) {
			matches.splice(0, matches.length - maxMatches);
		}
	});
	const kept = matches.slice(-maxMatches);
	const server = servers.nginx === 0 && servers.apache === 0 ? 'unknown' : servers.nginx >= servers.apache ? 'nginx' : 'apache';
	return {file, stats, server, matches: kept, findings: errorLogFindings(file, groups, filter, stats.lines)};
}
