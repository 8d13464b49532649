/** An SELinux security context `user:role:type:level`. */
export type SelinuxContext = {
	readonly user: string;
	readonly role: string;
	readonly type: string;
	readonly level?: string;
};

const contextPattern = /(?:^|\s)([\w.-]+):([\w.-]+):([\w.-]+)(?::([\w.:,-]+))?(?=\s|$)/;

/**
Finds the context in `stat -c %C` output (`unconfined_u:object_r:httpd_sys_content_t:s0`), `ls -Z`
(`… unconfined_u:object_r:default_t:s0 index.html`) or `ls -lZ`. Returns undefined for `?` (no label).
*/
export function parseSelinuxContext(text: string): SelinuxContext | undefined {
	const match = contextPattern.exec(text.trim());
	if (!match) {
		return undefined;
	}

	const [, user = '', role = '', type = '', level] = match;
	return {user, role, type, level};
}

/** File types the targeted policy lets `httpd_t` (Apache and nginx alike) read without booleans. */
const readableTypes = new Set([
	'httpd_sys_content_t',
	'httpd_sys_rw_content_t',
	'httpd_sys_ra_content_t',
	'httpd_sys_script_exec_t',
	'httpd_sys_script_ro_t',
	'httpd_sys_script_rw_t',
	'public_content_t',
	'public_content_rw_t',
]);

/** Types readable only with a boolean switched on. */
const booleanTypes: Record<string, string> = {
	user_home_t: 'httpd_enable_homedirs',
	user_home_dir_t: 'httpd_enable_homedirs',
	httpd_user_content_t: 'httpd_enable_homedirs',
	nfs_t: 'httpd_use_nfs',
	cifs_t: 'httpd_use_cifs',
	fusefs_t: 'httpd_use_fusefs',
};

/** Verdict for a served file's label: fine, needs a boolean, or needs relabelling. */
export type SelinuxJudgement =
	| {readonly verdict: 'readable'}
	| {readonly verdict: 'needs-boolean'; readonly boolean: string}
	| {readonly verdict: 'wrong-label'};

/** Judges whether the web server's domain can read a file with this context under the targeted policy. */
export function judgeSelinuxType(context: SelinuxContext): SelinuxJudgement {
	if (readableTypes.has(context.type)) {
		return {verdict: 'readable'};
	}

	const boolean = booleanTypes[context.type];
	return boolean === undefined ? {verdict: 'wrong-label'} : {verdict: 'needs-boolean', boolean};
}
