import type {Finding, ResponseView} from './types.js';

/**
PHP-FPM's own refusal: when a script's extension is outside `security.limit_extensions`, or the pool user
cannot open it (EACCES), FPM answers 403 with the bare body "Access denied." (php-src
sapi/fpm/fpm/fpm_main.c). No framework page is that short, so the body alone is a strong sign.
*/
export function readPhpFpmText(view: ResponseView): Finding[] {
	if (view.status !== 403 || view.body.trim() !== 'Access denied.') {
		return [];
	}

	return [
		{
			code: 'php-fpm.access-denied',
			text: 'The body is PHP-FPM\'s own "Access denied.": FPM refused the script (its extension is not in security.limit_extensions, or the pool user cannot read it).',
			supports: {'php-fpm-denied': 0.8},
			mark: 'fail',
			fix: {owner: ['Check the FPM pool\'s security.limit_extensions and that the pool user can read the script; run fix403 on the server with --role owner for the exact file and line.']},
		},
	];
}
