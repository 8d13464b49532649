import {readAccessLog, readErrorLog, type ReadStats} from '../../owner/logs/index.js';
import type {CheckDefinition} from '../types.js';
import {logFsPath} from './log-fs-path.js';
import {mappedPath, urlPath} from './owner-paths.js';

const tailParam = {tailMiB: {type: 'number' as const, description: 'read at most this many MiB from the end of the log (default 64)'}};
const tailBytes = (params: Readonly<Record<string, unknown>>) => (typeof params['tailMiB'] === 'number' ? params['tailMiB'] * 1024 * 1024 : undefined);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
/** How much of a log was read, which the check line always says (by default only the tail is). */
const readAmount = (stats: ReadStats) => `${megabytes(stats.bytesRead)} read${stats.headSkipped ? ' (the tail only)' : ''}`;

/** The error log's own words for the 403s of this path, mapped to causes. */
export const readErrorLogCheck: CheckDefinition = {
	name: 'read-error-log',
	description: 'Read the error log (nginx or Apache) for the lines that explain 403s of this path.',
	params: tailParam,
	label: () => 'Reading the error log',
	async run(params, context) {
		const file = context.input.errorLog;
		if (file === undefined) {
			return {summary: 'skipped: no error log given (--error-log)', mark: 'info', skipped: true};
		}

		const url = urlPath(context);
		const fsPath = await logFsPath(mappedPath(context), url, context.findings);
		const result = await readErrorLog(file, {path: url, fsPath, tailBytes: tailBytes(params)});
		const read = readAmount(result.stats);
		return {
			findings: result.findings,
			summary: result.matches.length > 0 ? `${result.matches.length} line(s) about this path, ${read}` : `nothing about this path, ${read}`,
			mark: result.findings.some(finding => finding.supports) ? 'fail' : 'ok',
		};
	},
};

/** The 403s of this path in the access log: over time, by address and by kind of client. */
export const readAccessLogCheck: CheckDefinition = {
	name: 'read-access-log',
	description: 'Read the access log: the 403s of this path over time, by client address and user agent.',
	params: tailParam,
	label: () => 'Reading the access log',
	async run(params, context) {
		const file = context.input.accessLog;
		if (file === undefined) {
			return {summary: 'skipped: no access log given (--access-log)', mark: 'info', skipped: true};
		}

		const result = await readAccessLog(file, {path: urlPath(context), tailBytes: tailBytes(params)});
		const read = readAmount(result.stats);
		return {
			findings: result.findings,
			summary: `${result.parsedLines} request line(s), ${read}`,
			mark: result.findings.some(finding => finding.supports) ? 'fail' : 'ok',
		};
	},
};
