import type {Finding} from '../../evidence/types.js';
import type {DirConf} from './dir-conf.js';
import {refusal, reloadStep, weight, where} from './finding-kit.js';
import type {WalkNote} from './section-walk.js';

/** Findings for what the walk met besides sections: ignored or broken `.htaccess` files, undecidable `<If>`s. */
export function noteFindings(notes: readonly WalkNote[]): Finding[] {
	return notes.flatMap((note): Finding[] => {
		switch (note.kind) {
			case 'htaccess-ignored': {
				return [{
					code: 'apache.htaccess-ignored', vendor: 'apache', mark: 'info', location: {file: note.file, line: 1},
					text: `${note.file} exists but AllowOverride is None there${note.policy.at ? ` (${where(note.policy.at)})` : ' (the default)'}, so Apache ignores it.`,
					fix: {owner: [`If its rules should apply, set "AllowOverride All" (or the needed categories, e.g. AuthConfig Limit) in the <Directory> for that folder.`]},
				}];
			}

			case 'htaccess-not-allowed': {
				return [{
					code: 'apache.htaccess-directive-not-allowed', vendor: 'apache', mark: 'warn', location: {file: note.node.file, line: note.node.line},
					text: `"${note.node.name}" at ${where(note.node)} is not allowed by AllowOverride${note.policy.at ? ` (${where(note.policy.at)})` : ''}; Apache answers 500, not 403, for requests below it.`,
					fix: {owner: [`Allow it with AllowOverride (${overrideFor(note.node.name)}) in the <Directory> for that folder, or remove it from the .htaccess file.`]},
				}];
			}

			case 'htaccess-error': {
				return [{
					code: 'apache.htaccess-error', vendor: 'apache', mark: 'warn', location: {file: note.error.file, line: note.error.line},
					text: `${note.error.message}; Apache answers 500 for requests below it.`,
					fix: {owner: [`Fix the syntax at ${note.error.file}${note.error.line === undefined ? '' : `:${note.error.line}`}.`]},
				}];
			}

			case 'if-unknown': {
				return [{
					code: 'apache.if-undecided', vendor: 'apache', mark: 'info', location: {file: note.section.file, line: note.section.line},
					text: `Could not decide <${note.section.name} ${note.section.raw}> from outside the server${note.error ? ` (${note.error})` : ''}; its directives were left out.`,
				}];
			}

			case 'symlink-blocked': {
				return [];
			}
		}

		return [];
	});
}

function overrideFor(name: string): string {
	const lower = name.toLowerCase();
	if (/^(require|auth|satisfy)/.test(lower)) {
		return 'AuthConfig';
	}

	if (/^(order|allow|deny)$/.test(lower)) {
		return 'Limit';
	}

	if (lower === 'options') {
		return 'Options';
	}

	return lower.startsWith('directoryindex') ? 'Indexes' : 'FileInfo';
}

/** Start-up errors httpd would report for authorization and Options lines (the server would not run with them). */
export function problemFindings(conf: DirConf): Finding[] {
	const problems = [...conf.authz?.problems ?? [], ...conf.optionProblems];
	return problems.map(problem => ({
		code: 'apache.config-error', vendor: 'apache' as const, mark: 'warn' as const, location: problem.at,
		text: `httpd refuses this at start-up: ${problem.reason} (${where(problem.at)}).`,
		fix: {owner: [`Fix ${where(problem.at)}; "apachectl configtest" shows the same message.`]},
	}));
}

/** SSLRequireSSL on a plain-HTTP request (AH02219). */
export function sslFinding(conf: DirConf, secure: boolean, decisive: boolean): Finding | undefined {
	if (!conf.sslRequireSsl || secure) {
		return undefined;
	}

	return refusal({
		code: 'apache.ssl-required', cause: 'tls-rejected', weight: weight(decisive, false), at: conf.sslRequireSsl, ahCode: 'AH02219',
		text: `SSLRequireSSL at ${where(conf.sslRequireSsl)} refuses requests over plain HTTP.`,
		fix: ['Use the https:// address, or redirect HTTP to HTTPS so visitors never hit the plain-HTTP 403.', reloadStep],
	});
}
