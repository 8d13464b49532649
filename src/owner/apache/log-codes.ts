import type {CauseId} from '../../diagnosis/cause-ids.js';
import type {Finding} from '../../evidence/types.js';

/**
The Apache 2.4 AH codes that end a request with 403, and the cause each stands for (REFERENCE.md §2.2, from
httpd's modules/aaa/mod_authz_core.c, mod_access_compat.c, server/request.c, server/core.c, mod_autoindex.c,
mod_rewrite.c, mod_ssl). Parsing log lines is the log reader's job; this only names what a code means.
*/
export const apache403Codes: Readonly<Record<string, {readonly causes: readonly CauseId[]; readonly meaning: string}>> = {
	AH01630: {causes: ['server-deny-rule', 'ip-allowlist', 'method-blocked'], meaning: 'client denied by server configuration (Require)'},
	AH01797: {causes: ['server-deny-rule', 'ip-allowlist', 'method-blocked'], meaning: 'client denied by server configuration (Order/Allow/Deny)'},
	AH01276: {causes: ['directory-index-missing'], meaning: 'no DirectoryIndex file and Options without Indexes'},
	AH00035: {causes: ['file-permissions'], meaning: 'search permission missing on a folder of the path'},
	AH00037: {causes: ['symlink-blocked'], meaning: 'symbolic link not allowed or its target not accessible'},
	AH00132: {causes: ['file-permissions'], meaning: 'file permissions deny server access'},
	AH00529: {causes: ['file-permissions'], meaning: '.htaccess exists but cannot be read'},
	AH00670: {causes: ['symlink-blocked'], meaning: 'RewriteRule in a folder without FollowSymLinks/SymLinksIfOwnerMatch'},
	AH02219: {causes: ['tls-rejected'], meaning: 'SSLRequireSSL on a plain-HTTP request'},
	AH02229: {causes: ['tls-rejected'], meaning: 'SSLRequire expression not fulfilled'},
};

/** A finding for an AH code seen in the error log, or undefined for codes that do not mean 403. */
export function apacheLogCodeFinding(code: string, line?: string): Finding | undefined {
	const known = apache403Codes[code];
	if (!known) {
		return undefined;
	}

	const share = known.causes.length === 1 ? 0.8 : 0.5;
	return {
		code: `apache.log.${code.toLowerCase()}`,
		text: `The Apache error log has ${code}: ${known.meaning}.`,
		supports: Object.fromEntries(known.causes.map(cause => [cause, share])),
		vendor: 'apache',
		mark: 'fail',
		data: {ahCode: code, ...(line ? {line: line.slice(0, 500)} : {})},
	};
}
