import path from 'node:path';
import {parseBuildInfo, type NginxBuildInfo} from './build-info.js';
import {isFileStat, type NginxIo} from './io.js';

export type NginxInstallation = {
	/** The main configuration file. */
	readonly configPath: string;
	readonly prefix: string;
	/** How it was found. */
	readonly source: 'nginx -V' | 'well-known path';
	readonly build?: NginxBuildInfo;
};

const binaries = ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'];
const wellKnown = [
	{configPath: '/etc/nginx/nginx.conf', prefix: '/usr/share/nginx'},
	{configPath: '/usr/local/nginx/conf/nginx.conf', prefix: '/usr/local/nginx'},
	{configPath: '/usr/local/etc/nginx/nginx.conf', prefix: '/usr/local/etc/nginx'},
	{configPath: '/opt/homebrew/etc/nginx/nginx.conf', prefix: '/opt/homebrew'},
];

/**
Locates the main nginx configuration: the installed binary's `--conf-path` (relative to `--prefix`, as
nginx resolves it), else the usual paths of Debian/Ubuntu, source builds and Homebrew.
*/
export async function findNginxConfig(io: NginxIo): Promise<NginxInstallation | undefined> {
	for (const binary of binaries) {
		const result = await io.run(binary, ['-V']);
		if (result === undefined) {
			continue;
		}

		const build = parseBuildInfo(`${result.stderr}\n${result.stdout}`);
		const prefix = build.prefix ?? '/usr/local/nginx';
		const configured = build.confPath ?? 'conf/nginx.conf';
		const configPath = path.isAbsolute(configured) ? configured : path.join(prefix, configured);
		if (isFileStat(await io.stat(configPath))) {
			return {configPath, prefix, source: 'nginx -V', build};
		}

		break;
	}

	for (const candidate of wellKnown) {
		if (isFileStat(await io.stat(candidate.configPath))) {
			return {...candidate, source: 'well-known path'};
		}
	}

	return undefined;
}
