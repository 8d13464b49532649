import {createNodePermissionsIo} from '../../owner/permissions/index.js';
import {checkPhpFpm, createNodeFpmIo} from '../../owner/php-fpm/index.js';
import type {CheckDefinition} from '../types.js';
import {mappedPath} from './owner-paths.js';

/** PHP-FPM pools: can the web server reach the socket, may the script's extension run, can the pool read it. */
export const readPhpFpmCheck: CheckDefinition = {
	name: 'read-php-fpm',
	description: 'Read the PHP-FPM pool config: socket owner/group/mode against the web-server user, security.limit_extensions, and the pool user against the script.',
	params: {},
	label: () => 'Reading the PHP-FPM pool config',
	async run(_params, context) {
		const script = mappedPath(context);
		const goesToPhp = context.facts.fastcgiPass !== undefined || context.input.phpFpmConf !== undefined || /\.php$/i.test(script ?? '');
		if (!goesToPhp) {
			return {summary: 'skipped: this URL is not handed to PHP', mark: 'info', skipped: true};
		}

		const result = await checkPhpFpm(
			{
				webUser: context.input.webUser ?? context.facts.webUser ?? 'www-data',
				scriptPath: script,
				configPath: context.input.phpFpmConf,
				listen: context.facts.fastcgiPass,
			},
			{fs: createNodeFpmIo(), permissions: createNodePermissionsIo()},
		);
		const problem = result.findings.find(finding => finding.supports);
		return {
			findings: result.findings,
			summary: problem ? problem.text : `${result.pools.length} pool(s) checked, nothing refuses this script`,
			mark: problem ? 'fail' : 'ok',
		};
	},
};
