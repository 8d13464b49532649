import path from 'node:path';
import type {Finding} from '../../evidence/types.js';
import {judgeSelinuxType, parseSelinuxContext} from './selinux.js';
import {shellQuote} from './shell-quote.js';
import type {WalkResult} from './types.js';

/**
With SELinux on, a file the mode bits allow can still be refused (nginx logs the same `13: Permission
denied`). Judges the label of the file that would be served (the requested file, or the index file).
*/
export function selinuxFindings(result: WalkResult): Finding[] {
	if (result.selinux === 'off') {
		return [];
	}

	const served = result.entries.findLast(entry => entry.kind === 'file' && entry.need === 'r');
	const context = served?.selinux === undefined ? undefined : parseSelinuxContext(served.selinux);
	if (!served || !context) {
		return [];
	}

	const judgement = judgeSelinuxType(context);
	const enforcing = result.selinux === 'enforcing';
	const data = {path: served.path, context: served.selinux, type: context.type, selinux: result.selinux};
	if (judgement.verdict === 'readable') {
		return [{
			code: 'permissions.selinux-label-ok',
			text: `${served.path} is labelled ${context.type}, which the web server may read.`,
			location: {file: served.path},
			mark: 'ok',
			data,
		}];
	}

	const folder = path.posix.dirname(served.path);
	const steps = judgement.verdict === 'needs-boolean'
		? [`setsebool -P ${judgement.boolean} 1`]
		: [
			`semanage fcontext -a -t httpd_sys_content_t ${shellQuote(`${folder}(/.*)?`)}`,
			`restorecon -Rv ${shellQuote(folder)}`,
		];
	const why = judgement.verdict === 'needs-boolean'
		? `which the web server may read only with the ${judgement.boolean} boolean on`
		: 'which the web server may not read (it needs httpd_sys_content_t or similar)';
	return [{
		code: 'permissions.selinux-label',
		text: `${served.path} is labelled ${context.type}, ${why}; SELinux is ${result.selinux}`
			+ (enforcing ? ' (check `ausearch -m avc -ts recent`).' : ', so it only logs the denial.'),
		supports: {'file-permissions': enforcing ? 0.6 : 0.05},
		fix: {owner: steps},
		location: {file: served.path},
		mark: enforcing ? 'fail' : 'warn',
		data: {...data, verdict: judgement.verdict},
	}];
}
