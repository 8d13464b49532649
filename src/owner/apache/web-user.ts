import type {ApacheConfig, ApacheLocation} from './types.js';
import {substituteVariables} from './variables.js';

/** The account httpd's children run as, from `User`/`Group` in the main server. */
export type ApacheWebUser = {
	readonly user: string;
	readonly group?: string;
	readonly at: ApacheLocation;
};

/**
The `User` (and `Group`) of the main server. Debian writes `User ${APACHE_RUN_USER}`; the loader reads
/etc/apache2/envvars next to apache2.conf, so the name is resolved here. Undefined when there is no `User`
line or its variable stays unresolved.
*/
export function webUserFromApache(config: ApacheConfig): ApacheWebUser | undefined {
	const topLevel = config.nodes.filter(node => node.kind === 'directive');
	const userLine = topLevel.findLast(node => node.name.toLowerCase() === 'user');
	const groupLine = topLevel.findLast(node => node.name.toLowerCase() === 'group');
	const resolve = (value: string | undefined) => {
		const resolved = value === undefined ? undefined : substituteVariables(value, config.variables);
		return resolved === undefined || resolved.includes('${') || resolved === '' ? undefined : resolved;
	};

	const user = resolve(userLine?.args[0]);
	if (!userLine || user === undefined) {
		return undefined;
	}

	return {user, group: resolve(groupLine?.args[0]), at: {file: userLine.file, line: userLine.line}};
}
