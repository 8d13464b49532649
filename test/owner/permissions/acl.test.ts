import {describe, expect, test} from 'vitest';
import {parseGetfacl} from '../../../src/owner/permissions/acl.js';

describe('parseGetfacl', () => {
	test('the getfacl(1) man page sample: access entries kept, default entries and #effective comments ignored', () => {
		// Source: getfacl(1), acl 2.3.x, "The output format of getfacl is as follows" (man7.org/linux/man-pages/man1/getfacl.1.html)
		const sample = [
			'# file: somedir/',
			'# owner: lisa',
			'# group: staff',
			'# flags: -s-',
			'user::rwx',
			'user:joe:rwx               #effective:r-x',
			'group::rwx                 #effective:r-x',
			'group:cool:r-x',
			'mask::r-x',
			'other::r-x',
			'default:user::rwx',
			'default:user:joe:rwx       #effective:r-x',
			'default:group::r-x',
			'default:mask::r-x',
			'default:other::---',
		].join('\n');
		expect(parseGetfacl(sample)).toEqual({
			entries: [
				{tag: 'user', qualifier: '', perms: 7},
				{tag: 'user', qualifier: 'joe', perms: 7},
				{tag: 'group', qualifier: '', perms: 7},
				{tag: 'group', qualifier: 'cool', perms: 5},
				{tag: 'mask', qualifier: '', perms: 5},
				{tag: 'other', qualifier: '', perms: 5},
			],
			mask: 5,
			extended: true,
		});
	});

	test('numeric output of `getfacl -a -c -n -E -p` as this machine prints it', () => {
		// Captured on Debian 12 (acl 2.3.1) after `setfacl -m u:www-data:r f`.
		const sample = 'user::rw-\nuser:33:r--\ngroup::r--\nmask::r--\nother::r--\n\n';
		expect(parseGetfacl(sample)?.entries).toContainEqual({tag: 'user', qualifier: '33', perms: 4});
		expect(parseGetfacl(sample)?.extended).toBe(true);
	});

	test('a minimal ACL (mode bits only) is not extended', () => {
		expect(parseGetfacl('# file: tmp/x\n# owner: root\n# group: root\nuser::rwx\ngroup::---\nother::---\n')).toEqual({
			entries: [
				{tag: 'user', qualifier: '', perms: 7},
				{tag: 'group', qualifier: '', perms: 0},
				{tag: 'other', qualifier: '', perms: 0},
			],
			mask: undefined,
			extended: false,
		});
	});

	test('Solaris-style one-colon mask and other entries', () => {
		// Source: Oracle System Administration Guide, "Examples--Displaying ACL Entries for a File" (docs.oracle.com/cd/E19455-01/805-7229/secfiles-47)
		const sample = '# file: ch1.doc\n# owner: nathan\n# group: sysadmin\nuser::rw-\nuser:george:r--         #effective:r--\ngroup::rw-              #effective:rw-\nmask:rw-\nother:---\n';
		const acl = parseGetfacl(sample);
		expect(acl?.mask).toBe(6);
		expect(acl?.entries.at(-1)).toEqual({tag: 'other', qualifier: '', perms: 0});
	});

	test('noise yields undefined', () => {
		expect(parseGetfacl('getfacl: /x: Operation not supported\n')).toBeUndefined();
		expect(parseGetfacl('')).toBeUndefined();
	});
});
