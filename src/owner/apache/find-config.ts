import path from 'node:path';
import type {ApacheIo} from './types.js';

/** Where the main Apache configuration was found, and how. */
export type FoundConfig = {readonly path: string; readonly source: 'debian' | 'redhat' | 'apachectl'};

const wellKnown: ReadonlyArray<{path: string; source: FoundConfig['source']}> = [
	{path: '/etc/apache2/apache2.conf', source: 'debian'},
	{path: '/etc/httpd/conf/httpd.conf', source: 'redhat'},
];

/**
Finds the main configuration: Debian's and Red Hat's usual places first, then what `apachectl -V`
(or `apache2ctl -V`, `httpd -V`) reports as HTTPD_ROOT + SERVER_CONFIG_FILE.
*/
export async function findApacheConfig(io: ApacheIo): Promise<FoundConfig | undefined> {
	for (const candidate of wellKnown) {
		if ((await io.stat(candidate.path))?.kind === 'file') {
			return candidate;
		}
	}

	for (const program of ['apachectl', 'apache2ctl', 'httpd']) {
		const output = await io.run?.(program, ['-V']);
		const found = output === undefined ? undefined : configFromVersionOutput(output);
		if (found && (await io.stat(found))?.kind === 'file') {
			return {path: found, source: 'apachectl'};
		}
	}

	return undefined;
}

/** Reads `-D HTTPD_ROOT="…"` and `-D SERVER_CONFIG_FILE="…"` from `httpd -V` output (pure). */
export function configFromVersionOutput(output: string): string | undefined {
	const define = (name: string) => new RegExp(`-D\\s+${name}="([^"]*)"`).exec(output)?.[1];
	const file = define('SERVER_CONFIG_FILE');
	if (!file) {
		return undefined;
	}

	return path.isAbsolute(file) ? file : path.join(define('HTTPD_ROOT') ?? '/', file);
}
