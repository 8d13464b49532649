import type {Finding} from '../../evidence/types.js';
import {lineOf, type FpmPool, poolValue, serviceName} from './pool.js';

/** The default when a pool does not set `security.limit_extensions` (www.conf: "Default Value: .php"). */
export const defaultLimitExtensions = ['.php'] as const;

/** The extensions a pool accepts; an empty list means every extension (www.conf: "set an empty value to allow all"). */
export function limitExtensions(pool: FpmPool): readonly string[] {
	const directive = poolValue(pool, 'security.limit_extensions');
	return directive === undefined ? defaultLimitExtensions : directive.value.split(/\s+/).filter(Boolean);
}

/**
Whether PHP-FPM runs this script: like `fpm_php_limit_extensions` in php-src (sapi/fpm/fpm/fpm_php.c), the
path must be longer than the extension and end with it exactly (case-sensitive, so `.PHP` is refused).
*/
export function extensionAllowed(scriptPath: string, extensions: readonly string[]): boolean {
	if (extensions.length === 0) {
		return true;
	}

	return extensions.some(extension => scriptPath.length > extension.length && scriptPath.endsWith(extension));
}

/** The finding for one pool and one script: PHP-FPM's own "Access denied." when the extension is not allowed. */
export function limitExtensionsFinding(pool: FpmPool, scriptPath: string): Finding {
	const extensions = limitExtensions(pool);
	const set = poolValue(pool, 'security.limit_extensions') !== undefined;
	const location = {file: pool.file, line: lineOf(pool, 'security.limit_extensions')};
	const listed = extensions.length === 0 ? 'every extension' : extensions.join(' ');
	const data = {pool: pool.name, extensions, default: !set, script: scriptPath};
	if (extensionAllowed(scriptPath, extensions)) {
		return {
			code: 'php-fpm.limit-extensions-ok',
			text: `PHP-FPM pool ${pool.name} runs scripts like ${scriptPath} (security.limit_extensions: ${listed}).`,
			supports: {'php-fpm-denied': -0.2},
			location,
			mark: 'ok',
			data,
		};
	}

	const extension = /\.[^./]*$/.exec(scriptPath)?.[0] ?? '(none)';
	return {
		code: 'php-fpm.limit-extensions',
		text: `PHP-FPM pool ${pool.name} runs only ${listed} (security.limit_extensions${set ? '' : ', default'}), `
			+ `so ${scriptPath} gets PHP-FPM's own 403 "Access denied.".`,
		supports: {'php-fpm-denied': 0.85},
		fix: {owner: [
			`Let the web server pass only PHP scripts to PHP-FPM and serve ${extension} files itself `
				+ '(nginx: `location ~ \\.php$ { … fastcgi_pass … }`; Apache: `<FilesMatch "\\.php$">`).',
			`Only if ${extension} files must run as PHP: set \`security.limit_extensions = ${[...extensions, extension].join(' ')}\` `
				+ `in ${pool.file} (line ${location.line}), then \`systemctl reload ${serviceName(pool.file)}\`.`,
		]},
		location,
		mark: 'fail',
		data: {...data, extension},
	};
}
