import {describe, expect, test} from 'vitest';
import {judgeAccess} from '../../../src/owner/permissions/access.js';
import {parseGetfacl} from '../../../src/owner/permissions/acl.js';
import type {FileFacts, WebIdentity} from '../../../src/owner/permissions/types.js';

const www: WebIdentity = {name: 'www-data', uid: 33, gid: 33, groups: [33, 1001], groupName: 'www-data'};
const accounts = {
	users: [{name: 'www-data', uid: 33, gid: 33}, {name: 'alice', uid: 1000, gid: 1000}],
	groups: [{name: 'www-data', gid: 33, members: []}, {name: 'deploy', gid: 1001, members: ['www-data']}],
};

function file(mode: number, uid = 0, gid = 0, kind: FileFacts['kind'] = 'file'): FileFacts {
	return {kind, uid, gid, mode};
}

// Each row: the situation, then what the kernel's algorithm (acl(5) "ACCESS CHECK ALGORITHM") answers.
const rows: Array<[string, FileFacts, string | undefined, 'r' | 'x', {allowed: boolean; via: string; maskDenied: boolean}]> = [
	['world-readable file', file(0o644), undefined, 'r', {allowed: true, via: 'other', maskDenied: false}],
	['private file of root', file(0o600), undefined, 'r', {allowed: false, via: 'other', maskDenied: false}],
	['owner lacks r although other has it', file(0o044, 33, 0), undefined, 'r', {allowed: false, via: 'owner', maskDenied: false}],
	['owning group may read', file(0o640, 0, 33), undefined, 'r', {allowed: true, via: 'group', maskDenied: false}],
	['supplementary group may search', file(0o710, 1000, 1001, 'dir'), undefined, 'x', {allowed: true, via: 'group', maskDenied: false}],
	['group lacks r, other has it: denied', file(0o604, 0, 33), undefined, 'r', {allowed: false, via: 'group', maskDenied: false}],
	['folder without o+x', file(0o754, 0, 0, 'dir'), undefined, 'x', {allowed: false, via: 'other', maskDenied: false}],
	['named user entry by uid', file(0o600), 'user::rw-\nuser:33:r--\ngroup::---\nmask::r--\nother::---', 'r', {allowed: true, via: 'acl-user', maskDenied: false}],
	['named user entry by name', file(0o600), 'user::rw-\nuser:www-data:r--\ngroup::---\nmask::r--\nother::---', 'r', {allowed: true, via: 'acl-user', maskDenied: false}],
	['mask removes named user r', file(0o600), 'user::rw-\nuser:33:r--\ngroup::---\nmask::---\nother::r--', 'r', {allowed: false, via: 'acl-user', maskDenied: true}],
	['named group entry', file(0o600), 'user::rw-\ngroup::---\ngroup:deploy:r--\nmask::r--\nother::---', 'r', {allowed: true, via: 'acl-group', maskDenied: false}],
	['owning group masked', file(0o600, 0, 33), 'user::rw-\ngroup::r--\ngroup:7:rw-\nmask::-w-\nother::---', 'r', {allowed: false, via: 'group', maskDenied: true}],
	['named user for someone else falls to other', file(0o604), 'user::rw-\nuser:1000:r--\ngroup::---\nmask::r--\nother::r--', 'r', {allowed: true, via: 'other', maskDenied: false}],
	['mask does not limit other', file(0o604), 'user::rw-\nuser:1000:rw-\ngroup::---\nmask::---\nother::r--', 'r', {allowed: true, via: 'other', maskDenied: false}],
];

describe('judgeAccess', () => {
	test.each(rows)('%s', (_name, facts, getfacl, need, expected) => {
		const acl = getfacl === undefined ? undefined : parseGetfacl(getfacl);
		expect(judgeAccess(www, facts, acl, need, accounts)).toEqual(expected);
	});

	test('root reads anything and searches any folder', () => {
		const root: WebIdentity = {name: 'root', uid: 0, gid: 0, groups: [0], groupName: 'root'};
		expect(judgeAccess(root, file(0o000), undefined, 'r').allowed).toBe(true);
		expect(judgeAccess(root, file(0o000, 5, 5, 'dir'), undefined, 'x').allowed).toBe(true);
		expect(judgeAccess(root, file(0o644), undefined, 'x').allowed).toBe(false);
	});
});
