import type {Finding} from '../../evidence/types.js';
import {accessLogFindings} from './access-findings.js';
import {parseAccessLine} from './parse-access-line.js';
import {urlPathOf} from './path-match.js';
import {type ReadStats, readLogLines} from './read-lines.js';
import {type AccessSummary, type NumberedAccessEntry, summarizeAccessLog} from './summarize-access.js';

/** Options of `readAccessLog`. */
export type AccessLogOptions = {
	/** URL path of the request; without it every 403 in the log is summarised. */
	readonly path?: string;
	/** Read only the last this many bytes (default 64 MiB). */
	readonly tailBytes?: number;
	/** Distinct addresses needed to call a 403 "everyone's" (default 3). */
	readonly everyoneMin?: number;
};

/** What `readAccessLog` found. */
export type AccessLogResult = {
	readonly file: string;
	readonly stats: ReadStats;
	/** Lines in the common/combined shape (the rest were other formats or noise). */
	readonly parsedLines: number;
	readonly summary: AccessSummary;
	readonly findings: readonly Finding[];
};

/**
Reads an access log (its tail), keeps the requests for the path (or every 403 when no path is given),
and summarises who got 403 and when. Throws `LogReadError` when the file cannot be read.
*/
export async function readAccessLog(file: string, options: AccessLogOptions = {}): Promise<AccessLogResult> {
	const wanted = options.path === undefined ? undefined : urlPathOf(options.path);
	const kept: NumberedAccessEntry[] = [];
	let parsedLines = 0;
	const stats = await readLogLines(file, {tailBytes: options.tailBytes}, (line, lineNumber) => {
		const entry = parseAccessLine(line);
		if (!entry) {
			return;
		}

		parsedLines++;
		const relevant = wanted === undefined
			? entry.status === 403
			: entry.target !== undefined && urlPathOf(entry.target) === wanted;
		if (relevant) {
			kept.push({entry, line: lineNumber});
		}
	});
	const summary = summarizeAccessLog(kept, {path: options.path, everyoneMin: options.everyoneMin});
	return {file, stats, parsedLines, summary, findings: accessLogFindings(file, summary, stats.lines)};
}
