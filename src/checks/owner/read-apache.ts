import type {Finding} from '../../evidence/types.js';
import {analyzeApache, findApacheConfig, loadApacheConfig, nodeApacheIo, renderApacheAnalysis, webUserFromApache} from '../../owner/apache/index.js';
import type {CheckDefinition} from '../types.js';
import {notReadBecause, serverRequest, shouldDiscover} from './server-request.js';
import {indexNames, siteMappedFinding} from './site-mapped.js';

/** Apache as it would handle this request: virtual host, merged sections, .htaccess files, and what forbids it. */
export const readApacheCheck: CheckDefinition = {
	name: 'read-apache',
	description: 'Read the Apache config (Include, sections merged in Apache\'s order, .htaccess along the path) and report what forbids the request, with file and line.',
	params: {},
	label: () => 'Reading the Apache config',
	async run(_params, context) {
		const request = serverRequest(context);
		if (!request) {
			return {summary: 'skipped: no URL to judge', mark: 'info', skipped: true};
		}

		const io = nodeApacheIo;
		const source = context.input.apacheConf ?? (shouldDiscover(context, 'apache') ? (await findApacheConfig(io))?.path : undefined);
		if (source === undefined) {
			return {summary: notReadBecause(context, 'apache'), mark: 'info', skipped: true};
		}

		const config = await loadApacheConfig(source, io);
		const analysis = await analyzeApache(config, request, io);
		const findings: Finding[] = [...analysis.findings];
		if (analysis.mappedPath !== undefined) {
			findings.push(siteMappedFinding(
				`Apache maps the URL to ${analysis.mappedPath}${analysis.mappedBy ? ` (${analysis.mappedBy.text}, ${analysis.mappedBy.file}:${analysis.mappedBy.line})` : ''}.`,
				analysis.mappedBy ? {file: analysis.mappedBy.file, line: analysis.mappedBy.line} : undefined,
				{indexFiles: directoryIndexFiles(analysis.findings)},
			));
		}

		const webUser = context.input.webUser ?? webUserFromApache(config)?.user;
		const top = analysis.findings.find(finding => finding.supports && finding.mark !== 'ok');
		return {
			findings,
			facts: {...(analysis.mappedPath === undefined ? {} : {mappedPath: analysis.mappedPath}), ...(webUser === undefined ? {} : {webUser})},
			detail: renderApacheAnalysis(analysis),
			summary: top ? `${top.text}${top.location ? ` (${top.location.file}${top.location.line ? `:${top.location.line}` : ''})` : ''}` : `the Apache config allows it (${analysis.vhost.name})`,
			mark: analysis.verdict === 'forbidden' ? 'fail' : analysis.verdict === 'unknown' ? 'warn' : 'ok',
		};
	},
};

/** The DirectoryIndex names Apache looked for in a folder without one (the walk then looks for those). */
function directoryIndexFiles(findings: readonly Finding[]): string[] | undefined {
	const missing = findings.find(finding => finding.code === 'apache.directory-index-missing');
	const names = missing?.data?.['directoryIndex'];
	const folder = missing?.data?.['folder'];
	return Array.isArray(names) && typeof folder === 'string' ? indexNames(names, folder) : undefined;
}
