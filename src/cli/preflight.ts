import {accessSync, constants, statSync} from 'node:fs';
import type {SessionInput} from '../engine/session-input.js';
import {UserError} from './user-error.js';

type Expect = 'file' | 'folder' | 'either';

/**
Fails before the first question when a file the user named cannot be used, so no session is run (and no
work lost) only to fail at the end. One line, naming the option and the reason.
*/
export function preflight(input: SessionInput, flowFile: string | undefined): void {
	const named: Array<[string, string | undefined, Expect]> = [
		['--har', input.har, 'file'],
		['--headers-file', input.headersFile === '-' ? undefined : input.headersFile, 'file'],
		['--access-log', input.accessLog, 'file'],
		['--error-log', input.errorLog, 'file'],
		['--nginx-conf', input.nginxConf, 'either'],
		['--apache-conf', input.apacheConf, 'either'],
		['--php-fpm-conf', input.phpFpmConf, 'either'],
		['--docroot', input.docroot, 'folder'],
		['--flow', flowFile, 'file'],
	];
	for (const [option, path, expect] of named) {
		if (path !== undefined) {
			checkPath(option, path, expect);
		}
	}
}

function checkPath(option: string, path: string, expect: Expect): void {
	let isDirectory: boolean;
	try {
		isDirectory = statSync(path).isDirectory();
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UserError(`${option} ${path}: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : `cannot open it (${code ?? 'error'})`}`, 'FIX403_BAD_INPUT');
	}

	if (expect === 'file' && isDirectory) {
		throw new UserError(`${option} ${path}: is a folder, not a file`);
	}

	if (expect === 'folder' && !isDirectory) {
		throw new UserError(`${option} ${path}: is a file, not a folder`);
	}

	try {
		accessSync(path, constants.R_OK);
	} catch {
		throw new UserError(`${option} ${path}: permission denied (cannot read it)`);
	}
}
