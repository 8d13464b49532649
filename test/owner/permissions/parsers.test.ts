import {describe, expect, test} from 'vitest';
import {findUser, groupsOf, parseGroup, parsePasswd} from '../../../src/owner/permissions/accounts.js';
import {octalMode, symbolicMode} from '../../../src/owner/permissions/mode.js';
import {judgeSelinuxType, parseSelinuxContext} from '../../../src/owner/permissions/selinux.js';

describe('passwd and group', () => {
	// Shape of Debian 12's /etc/passwd and /etc/group (base-passwd), plus an NIS line and garbage.
	const passwd = 'root:x:0:0:root:/root:/bin/bash\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n'
		+ 'alice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\n+@netgroup::::::\nbroken line\n';
	const group = 'root:x:0:\nwww-data:x:33:\nalice:x:1000:\ndeploy:x:1001:alice,www-data\nssl-cert:x:110:postgres\n';

	test('parses users and their groups like `id -G`', () => {
		const accounts = {users: parsePasswd(passwd), groups: parseGroup(group)};
		expect(accounts.users.map(user => user.name)).toEqual(['root', 'www-data', 'alice']);
		const www = findUser(accounts, 'www-data');
		expect(www && groupsOf(accounts, www)).toEqual([33, 1001]);
		expect(findUser(accounts, '1000')?.name).toBe('alice');
	});
});

describe('mode rendering (as ls -l)', () => {
	test.each([
		['dir', 0o755, 'drwxr-xr-x', '0755'],
		['file', 0o640, '-rw-r-----', '0640'],
		['dir', 0o1777, 'drwxrwxrwt', '1777'],
		['dir', 0o2750, 'drwxr-s---', '2750'],
		['file', 0o4644, '-rwSr--r--', '4644'],
		['symlink', 0o777, 'lrwxrwxrwx', '0777'],
	] as const)('%s %o', (kind, mode, symbolic, octal) => {
		expect(symbolicMode(kind, mode)).toBe(symbolic);
		expect(octalMode(mode)).toBe(octal);
	});
});

describe('SELinux contexts', () => {
	test.each([
		// `stat -c %C` on RHEL: the default label of /var/www/html content.
		['unconfined_u:object_r:httpd_sys_content_t:s0', 'httpd_sys_content_t', 'readable'],
		// `ls -Z` sample from a RHEL 8 guide whose /webdata gave AH00035 (find_string id 42954956517).
		['unconfined_u:object_r:default_t:s0 /webdata', 'default_t', 'wrong-label'],
		// `ls -lZ` line with the label between group and size.
		['-rw-r--r--. 1 alice alice unconfined_u:object_r:user_home_t:s0 12 Jan  2 03:04 index.html', 'user_home_t', 'needs-boolean'],
		['system_u:object_r:httpd_sys_rw_content_t:s0:c0.c1023 uploads', 'httpd_sys_rw_content_t', 'readable'],
	])('%s', (text, type, verdict) => {
		const context = parseSelinuxContext(text);
		expect(context?.type).toBe(type);
		expect(context && judgeSelinuxType(context).verdict).toBe(verdict);
	});

	test('`?` (no label) is not a context', () => {
		expect(parseSelinuxContext('?')).toBeUndefined();
	});
});
