import type {Finding} from '../../evidence/types.js';
import {walkFindings} from '../permissions/findings.js';
import type {WalkResult} from '../permissions/types.js';
import {type FpmPool, lineOf} from './pool.js';

/**
Whether the pool's user can read the script. PHP-FPM opens the script itself as that user; EACCES gives
its own 403 "Access denied." (fpm_main.c "Unable to open primary script"), other errors give 404.
*/
export function scriptAccessFinding(pool: FpmPool, poolUser: string, walk: WalkResult): Finding {
	const location = {file: pool.file, line: lineOf(pool, 'user')};
	const data = {pool: pool.name, poolUser, script: walk.requested, outcome: walk.outcome};
	if (walk.outcome === 'blocked') {
		const blocked = walkFindings(walk).filter(finding => finding.mark === 'fail' && finding.code.startsWith('permissions.not-'));
		const first = blocked[0];
		return {
			code: 'php-fpm.script-unreadable',
			text: `PHP-FPM pool ${pool.name} runs as ${poolUser}, which cannot reach ${walk.requested}`
				+ `${first ? ` (${first.location?.file ?? ''})` : ''}; PHP-FPM answers 403 "Access denied." for it.`,
			supports: {'php-fpm-denied': 0.7, 'file-permissions': 0.7},
			fix: {owner: blocked.flatMap(finding => finding.fix?.owner ?? [])},
			location,
			mark: 'fail',
			data: {...data, blockedAt: blocked.map(finding => finding.location?.file)},
		};
	}

	if (walk.outcome === 'missing' || walk.outcome === 'loop') {
		return {
			code: 'php-fpm.script-missing',
			text: `${walk.requested} does not exist for PHP-FPM pool ${pool.name}; PHP-FPM would answer 404 ("File not found." / "No input file specified."), not 403.`,
			supports: {'php-fpm-denied': -0.3},
			location,
			mark: 'info',
			data,
		};
	}

	return {
		code: 'php-fpm.script-readable',
		text: `PHP-FPM pool ${pool.name} runs as ${poolUser}, which can read ${walk.requested}.`,
		supports: {'php-fpm-denied': -0.2},
		location,
		mark: 'ok',
		data,
	};
}
