import type {Finding} from '../../evidence/types.js';
import {analyzeNginx, findNginxConfig, nodeNginxIo} from '../../owner/nginx/index.js';
import type {CheckDefinition} from '../types.js';
import {notReadBecause, serverRequest, shouldDiscover} from './server-request.js';
import {indexNames, siteMappedFinding} from './site-mapped.js';

/** nginx as it would handle this request: server block, location, file, and what there forbids it. */
export const readNginxCheck: CheckDefinition = {
	name: 'read-nginx',
	description: 'Read the nginx config (following include), pick the server and location as nginx does, map the URL to a file, and report what forbids the request, with file and line.',
	params: {},
	label: () => 'Reading the nginx config',
	async run(_params, context) {
		const request = serverRequest(context);
		if (!request) {
			return {summary: 'skipped: no URL to judge', mark: 'info', skipped: true};
		}

		const io = nodeNginxIo();
		const found = context.input.nginxConf === undefined && shouldDiscover(context, 'nginx') ? await findNginxConfig(io) : undefined;
		const source = context.input.nginxConf ?? found?.configPath;
		if (source === undefined) {
			return {summary: notReadBecause(context, 'nginx'), mark: 'info', skipped: true};
		}

		const analysis = await analyzeNginx(source, request, io, {prefix: found?.prefix, build: found?.build});
		const findings: Finding[] = [...analysis.findings];
		if (analysis.mappedPath !== undefined) {
			findings.push(siteMappedFinding(
				`nginx maps the URL to ${analysis.mappedPath} (server at ${analysis.server.file}:${analysis.server.line}).`,
				{file: analysis.server.file, line: analysis.server.line},
				{indexFiles: triedIndexFiles(analysis.findings)},
			));
		}

		const top = analysis.findings.find(finding => finding.supports);
		return {
			findings,
			facts: {...(analysis.mappedPath === undefined ? {} : {mappedPath: analysis.mappedPath}), webUser: context.input.webUser ?? analysis.webUser},
			detail: analysis.chain,
			summary: top ? `${top.text}${top.location ? ` (${top.location.file}${top.location.line ? `:${top.location.line}` : ''})` : ''}` : `nothing in ${source} forbids it${analysis.predictedStatus ? ` (nginx would answer ${analysis.predictedStatus})` : ''}`,
			mark: top ? 'fail' : 'ok',
		};
	},
};

/** The `index` files nginx tried for a folder without one (the walk then looks for those, not for guesses). */
function triedIndexFiles(findings: readonly Finding[]): string[] | undefined {
	const missing = findings.find(finding => finding.code === 'nginx.directory-index-missing');
	const tried = missing?.data?.['tried'];
	return missing?.location && Array.isArray(tried) ? indexNames(tried, missing.location.file) : undefined;
}
