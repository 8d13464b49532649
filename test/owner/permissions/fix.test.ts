import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseGetfacl} from '../../../src/owner/permissions/acl.js';
import {permissionFix} from '../../../src/owner/permissions/fix.js';
import {judgeAccess} from '../../../src/owner/permissions/access.js';
import type {FileFacts, WalkEntry, WebIdentity} from '../../../src/owner/permissions/types.js';

const www: WebIdentity = {name: 'www-data', uid: 33, gid: 33, groups: [33], groupName: 'www-data'};

function entry(path: string, facts: FileFacts, need: 'r' | 'x', getfacl?: string, group = 'staff'): WalkEntry {
	const acl = getfacl === undefined ? undefined : parseGetfacl(getfacl);
	return {
		path, name: path, depth: 0, kind: facts.kind, need, uid: facts.uid, gid: facts.gid, mode: facts.mode,
		owner: 'alice', group, acl: acl?.extended ? acl : undefined, access: judgeAccess(www, facts, acl, need),
	};
}

describe('permissionFix', () => {
	test.each([
		['a folder: search for others only', entry('/srv/www', {kind: 'dir', uid: 0, gid: 0, mode: 0o700}, 'x'), false, 'chmod o+x /srv/www'],
		['a private file: the web group, not the world', entry('/srv/www/a.php', {kind: 'file', uid: 1000, gid: 1000, mode: 0o600}, 'r'), false, 'chgrp www-data /srv/www/a.php && chmod g+r /srv/www/a.php'],
		['a file others can partly use: o+r', entry('/srv/www/a.html', {kind: 'file', uid: 1000, gid: 1000, mode: 0o601}, 'r'), false, 'chmod o+r /srv/www/a.html'],
		['the web user is in the group: g+r', entry('/srv/www/b.html', {kind: 'file', uid: 1000, gid: 33, mode: 0o604}, 'r'), false, 'chmod g+r /srv/www/b.html'],
		['the web user owns it: u+r', entry('/srv/www/c.html', {kind: 'file', uid: 33, gid: 33, mode: 0o200}, 'r'), false, 'chmod u+r /srv/www/c.html'],
		['ACLs in use elsewhere on the path', entry('/srv/www', {kind: 'dir', uid: 0, gid: 0, mode: 0o750}, 'x'), true, 'setfacl -m u:www-data:x /srv/www'],
		['the mask is what denies', entry('/srv/f', {kind: 'file', uid: 0, gid: 0, mode: 0o600}, 'r', 'user::rw-\nuser:33:r--\ngroup::---\nmask::--x\nother::---'), true, 'setfacl -m m::r-x /srv/f'],
		['paths with spaces are quoted', entry('/srv/my site', {kind: 'dir', uid: 0, gid: 0, mode: 0o700}, 'x'), false, 'chmod o+x \'/srv/my site\''],
	])('%s', (_name, blocked, aclInUse, command) => {
		expect(permissionFix(blocked, blocked.need === 'r' ? 'r' : 'x', www, aclInUse).steps[0]).toBe(command);
	});

	test('chgrp away from a group that had rights says how to keep them', () => {
		const blocked = entry('/srv/a.php', {kind: 'file', uid: 1000, gid: 1001, mode: 0o640}, 'r', undefined, 'deploy');
		const {steps} = permissionFix(blocked, 'r', www, false);
		expect(steps[1]).toContain('group deploy');
		expect(steps[1]).toContain('setfacl -m u:www-data:r /srv/a.php');
	});

	test('never grants write, never 777, never a+…', () => {
		const facts = fc.record({
			kind: fc.constantFrom<FileFacts['kind']>('dir', 'file'),
			uid: fc.constantFrom(0, 33, 1000),
			gid: fc.constantFrom(0, 33, 1000),
			mode: fc.integer({min: 0, max: 0o7777}),
		});
		fc.assert(fc.property(facts, fc.boolean(), (each, aclInUse) => {
			const need = each.kind === 'dir' ? 'x' : 'r';
			for (const step of permissionFix(entry('/srv/x', each, need), need, www, aclInUse).steps) {
				const chmod = /chmod (\S+)/.exec(step)?.[1] ?? '';
				const acl = /setfacl -m [ugm]:[^:]*:(\S+)/.exec(step)?.[1] ?? '';
				expect(chmod).toMatch(/^(?:[ugo]\+[rx])?$/);
				expect(acl).not.toContain('w');
				expect(step).not.toMatch(/777|-R /);
			}
		}));
	});
});
