import type {CauseId} from '../../diagnosis/cause-ids.js';
import type {Vendor} from '../../evidence/types.js';
import type {ErrorLogEntry} from './error-entry.js';

/** What a recognised error-log message means for the diagnosis. */
export type ErrorRule = {
	/** Stable id; findings are `error-log.<id>`. */
	readonly id: string;
	readonly supports: Partial<Record<CauseId, number>>;
	/** A plain-language gloss for the report, e.g. "the worker may not read the file". */
	readonly meaning: string;
	readonly vendor?: Vendor;
	/** Recognises the entry; returns the paths it names (URL path and/or file-system path). */
	readonly match: (entry: ErrorLogEntry) => RuleMatch | undefined;
};

/** Paths a message names, and extra facts (rule id, zone…) for the finding's data. */
export type RuleMatch = {
	readonly url?: string;
	readonly fs?: string;
	/** The file-system path is a folder above the requested file (or its .htaccess), not the file itself. */
	readonly fsIsFolderAbove?: boolean;
	readonly detail?: Readonly<Record<string, string>>;
};

const denyRule = {'server-deny-rule': 0.55, 'ip-allowlist': 0.45, 'method-blocked': 0.15} as const;

function regex(pattern: RegExp, pick: (match: RegExpExecArray) => RuleMatch) {
	return (entry: ErrorLogEntry): RuleMatch | undefined => {
		const match = pattern.exec(entry.message);
		return match ? pick(match) : undefined;
	};
}

/** Matches by Apache AH code; the pattern only extracts paths, so a message worded differently still counts. */
function ah(codes: readonly string[], pattern?: RegExp, pick?: (match: RegExpExecArray) => RuleMatch) {
	return (entry: ErrorLogEntry): RuleMatch | undefined => {
		if (entry.ah === undefined || !codes.includes(entry.ah)) {
			return undefined;
		}

		const match = pattern?.exec(entry.message);
		return match && pick ? pick(match) : {};
	};
}

/** ModSecurity's `[id "949110"] [msg "…"] [uri "/x"]` tags, under nginx and Apache alike. */
function modSecurity(entry: ErrorLogEntry): RuleMatch | undefined {
	if (!/ModSecurity: Access denied with code 403/.test(entry.message)) {
		return undefined;
	}

	const tag = (key: string) => new RegExp(`\\[${key} "([^"]*)"\\]`).exec(entry.message)?.[1];
	const detail: Record<string, string> = {};
	for (const key of ['id', 'msg'] as const) {
		const value = tag(key);
		if (value !== undefined) {
			detail[key] = value;
		}
	}

	return {url: tag('uri'), detail};
}

/**
The error-log messages that explain a 403 (REFERENCE.md §2.1–2.3), first match wins. nginx messages are
matched by text, Apache ones by AH code; ModSecurity and PHP-FPM's stderr appear under both.
*/
export const errorRules: readonly ErrorRule[] = [
	{id: 'modsecurity-block', supports: {'waf-rule-block': 0.9}, vendor: 'modsecurity', meaning: 'a ModSecurity rule blocked the request',
		match: modSecurity},
	{id: 'php-fpm-limit-extensions', supports: {'php-fpm-denied': 0.9}, meaning: 'PHP-FPM refused the script\'s extension (security.limit_extensions)',
		match: regex(/Access to the script '([^']*)' has been denied \(see security\.limit_extensions\)/, match => ({fs: match[1]}))},
	{id: 'php-fpm-script-unreadable', supports: {'php-fpm-denied': 0.75, 'file-permissions': 0.6}, meaning: 'the PHP-FPM pool user may not read the script',
		match: regex(/Unable to open primary script: (.+?) \(Permission denied\)/, match => ({fs: match[1]}))},
	{id: 'upstream-socket-denied', supports: {'php-fpm-denied': 0.15}, meaning: 'the web server may not connect to the PHP-FPM socket (that is a 502/503, not a 403)',
		match: regex(/connect\(\) to (unix:\S+) failed \(13: Permission denied\)/, match => ({detail: {upstream: match[1] ?? ''}}))},
	{id: 'access-forbidden-by-rule', supports: denyRule, meaning: 'an allow/deny rule refused the request',
		match: regex(/^access forbidden by rule/, () => ({}))},
	{id: 'directory-index-forbidden', supports: {'directory-index-missing': 0.85}, meaning: 'a folder without an index file was requested and listing is off',
		match: regex(/^directory index of "([^"]*)" is forbidden/, match => ({fs: match[1]}))},
	{id: 'symlink-refused', supports: {'symlink-blocked': 0.85}, meaning: 'a symbolic link on the path was refused (disable_symlinks) or loops',
		match: regex(/"([^"]*)"(?: is forbidden| failed) \((?:40|31): /, match => ({fs: match[1]}))},
	{id: 'permission-denied', supports: {'file-permissions': 0.85}, meaning: 'the worker may not read the file or search a folder above it (or SELinux/AppArmor refused it)',
		match: regex(/"([^"]*)"(?: is forbidden| failed) \(13: Permission denied\)/, match => ({fs: match[1]}))},
	{id: 'limit-req', supports: {'rate-limited': 0.35}, meaning: 'limit_req/limit_conn rejected the request (503 unless limit_req_status says 403)',
		match: regex(/^limiting (?:requests, excess: [\d.]+ by zone|connections by zone) "([^"]*)"/, match => ({detail: {zone: match[1] ?? ''}}))},
	{id: 'client-certificate', supports: {'tls-rejected': 0.3}, meaning: 'the client certificate was missing or invalid (nginx answers 400 for it)',
		match: regex(/^client sent no required SSL certificate|^client SSL certificate verify error/, () => ({}))},
	{id: 'client-denied', supports: denyRule, meaning: 'Require/Allow/Deny refused the client (AH01630/AH01797)',
		match: ah(['AH01630', 'AH01797'], /client denied by server configuration: (uri )?(\S+)/, match => (match[1] ? {url: match[2]} : {fs: match[2]}))},
	{id: 'authorization-failure', supports: {'insufficient-scope': 0.5}, meaning: 'an authenticated user is not authorised (401 unless AuthzSendForbiddenOnFailure On)',
		match: ah(['AH01631'], /authorization failure for "([^"]*)"/, match => ({url: match[1]}))},
	{id: 'no-directory-index', supports: {'directory-index-missing': 0.9}, meaning: 'no DirectoryIndex file and Options -Indexes (AH01276)',
		match: ah(['AH01276'], /Cannot serve directory (.+?): No matching DirectoryIndex/, match => ({fs: match[1]}))},
	{id: 'search-permission-missing', supports: {'file-permissions': 0.9}, meaning: 'a folder on the path lacks x for the server (AH00035)',
		match: ah(['AH00035'], /access to (\S+) denied \(filesystem path '([^']*)'\)/, match => ({url: match[1], fs: match[2]}))},
	{id: 'access-failed', supports: {'file-permissions': 0.4, 'wrong-url': 0.3}, meaning: 'the path could not be resolved on disk (AH00036)',
		match: ah(['AH00036'], /access to (\S+) failed \(filesystem path '([^']*)'\)/, match => ({url: match[1], fs: match[2]}))},
	{id: 'symlink-not-allowed', supports: {'symlink-blocked': 0.85}, meaning: 'a symbolic link is not allowed here or its target is unreachable (AH00037)',
		match: ah(['AH00037'], /: (\S+)$/, match => ({fs: match[1]}))},
	{id: 'file-permissions-deny', supports: {'file-permissions': 0.9}, meaning: 'file permissions deny the server access (AH00132)',
		match: ah(['AH00132'], /file permissions deny server access: (\S+)/, match => ({fs: match[1]}))},
	{id: 'htaccess-unreadable', supports: {'file-permissions': 0.85}, meaning: 'an .htaccess file or its folder is not accessible to the server (AH00529)',
		match: ah(['AH00529'], /^(\S+) pcfg_openfile/, match => ({fs: match[1], fsIsFolderAbove: true}))},
	{id: 'rewrite-needs-symlinks', supports: {'symlink-blocked': 0.8}, meaning: 'RewriteRule is forbidden because FollowSymLinks and SymLinksIfOwnerMatch are off (AH00670)',
		match: ah(['AH00670'], / : (\S+)$/, match => ({fs: match[1]}))},
	{id: 'ssl-required', supports: {'tls-rejected': 0.8}, meaning: 'SSLRequireSSL/SSLRequire refused the connection (AH02219/AH02229)',
		match: ah(['AH02219', 'AH02229'], /access to (\S+) failed, reason:/, match => ({fs: match[1]}))},
	{id: 'tls-client', supports: {'tls-rejected': 0.75}, meaning: 'SNI or client-certificate checks refused the request (AH02033/AH02261-3)',
		match: ah(['AH02033', 'AH02261', 'AH02262', 'AH02263'])},
	{id: 'execcgi-off', supports: {'server-deny-rule': 0.4}, meaning: 'a CGI script was requested where Options ExecCGI is off (AH02809)',
		match: ah(['AH02809'])},
];
