import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {createNodePermissionsIo} from '../../../src/owner/permissions/node-io.js';
import type {PermissionsIo, WalkResult} from '../../../src/owner/permissions/types.js';
import {UnknownWebUserError} from '../../../src/owner/permissions/identity.js';
import {walkFindings} from '../../../src/owner/permissions/findings.js';
import {renderWalk} from '../../../src/owner/permissions/render.js';
import {walkPermissions} from '../../../src/owner/permissions/walk.js';
import {applyFixSteps, chown, kernelAllows, makeTempRoot, removeTree, setfacl} from './tree.js';

const io = createNodePermissionsIo();
const webUser = 'www-data';
let root: string;

beforeEach(() => {
	root = makeTempRoot();
});

afterEach(() => {
	removeTree(root);
});

function ancestorsOrSelf(target: string): string[] {
	const paths = ['/'];
	let current = '/';
	for (const name of target.split('/').filter(Boolean)) {
		current = path.posix.join(current, name);
		paths.push(current);
	}

	return paths;
}

/**
For every real component the walk judged, the kernel (via runuser) must agree with the walk's combined
verdict for that component and all its real ancestors: `test -x` for folders, `test -r` for the file.
*/
function expectKernelAgrees(result: WalkResult): void {
	const judged = result.entries.filter(entry => entry.access !== undefined);
	for (const entry of judged) {
		const chain = ancestorsOrSelf(entry.path).map(each => judged.find(other => other.path === each));
		expect(chain.every(Boolean), `every real ancestor of ${entry.path} is walked`).toBe(true);
		const walkSays = chain.every(other => other?.access?.allowed);
		const flag = entry.need === 'r' ? '-r' : '-x';
		expect({path: entry.path, allowed: walkSays}).toEqual({path: entry.path, allowed: kernelAllows(webUser, flag, entry.path)});
	}

	const served = result.index?.found?.path ?? result.requested;
	expect(result.outcome === 'readable').toBe(kernelAllows(webUser, result.directory ? '-x' : '-r', served)
		&& (!result.directory || kernelAllows(webUser, '-r', served)));
}

async function walk(target: string, directory = false): Promise<WalkResult> {
	return walkPermissions(directory ? `${target}/` : target, {webUser}, io);
}

function write(relative: string, mode: number, content = 'hello\n'): string {
	const file = path.join(root, relative);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	fs.writeFileSync(file, content);
	fs.chmodSync(file, mode);
	return file;
}

describe('walkPermissions on real trees', () => {
	test('a world-readable file in searchable folders is readable', async () => {
		const file = write('site/index.html', 0o644);
		const result = await walk(file);
		expect(result.outcome).toBe('readable');
		expect(result.entries.map(entry => entry.path).at(-1)).toBe(file);
		expect(result.entries[0]?.path).toBe('/');
		expectKernelAgrees(result);
		expect(walkFindings(result).map(finding => finding.code)).toContain('permissions.readable');
	});

	test('a 0700 folder blocks; the fix is chmod o+x and the kernel then agrees it works', async () => {
		const file = write('srv/www/page.html', 0o644);
		fs.chmodSync(path.join(root, 'srv'), 0o700);
		const result = await walk(file);
		expect(result.outcome).toBe('blocked');
		expect(result.entries[result.firstBlocked ?? -1]?.path).toBe(path.join(root, 'srv'));
		expectKernelAgrees(result);
		const [blocked] = walkFindings(result).filter(finding => finding.code === 'permissions.not-traversable');
		expect(blocked?.supports).toEqual({'file-permissions': 0.9});
		expect(blocked?.location).toEqual({file: path.join(root, 'srv')});
		expect(blocked?.fix?.owner).toEqual([`chmod o+x ${path.join(root, 'srv')}`]);
		applyFixSteps(blocked?.fix?.owner ?? []);
		expect(fs.statSync(path.join(root, 'srv')).mode & 0o777).toBe(0o701);
		const after = await walk(file);
		expect(after.outcome).toBe('readable');
		expectKernelAgrees(after);
	});

	test('a private file owned by someone else: chgrp www-data && chmod g+r, still not world-readable', async () => {
		const file = write('site/secret.php', 0o600);
		chown('nobody', file);
		const result = await walk(file);
		expect(result.outcome).toBe('blocked');
		expectKernelAgrees(result);
		const [blocked] = walkFindings(result).filter(finding => finding.code === 'permissions.not-readable');
		expect(blocked?.fix?.owner?.[0]).toBe(`chgrp www-data ${file} && chmod g+r ${file}`);
		expect(blocked?.data).toMatchObject({via: 'other', owner: 'nobody', mode: '0600'});
		applyFixSteps(blocked?.fix?.owner ?? []);
		expect(fs.statSync(file).mode & 0o7).toBe(0);
		const after = await walk(file);
		expect(after.outcome).toBe('readable');
		expectKernelAgrees(after);
	});

	test('being in the owning group denies even when "other" may read (no fall-through)', async () => {
		const file = write('site/odd.html', 0o604);
		chown('root:www-data', file);
		const result = await walk(file);
		expect(result.entries.at(-1)?.access).toEqual({allowed: false, via: 'group', maskDenied: false});
		expectKernelAgrees(result);
		const [blocked] = walkFindings(result).filter(finding => finding.code === 'permissions.not-readable');
		expect(blocked?.fix?.owner).toEqual([`chmod g+r ${file}`]);
		applyFixSteps(blocked?.fix?.owner ?? []);
		expectKernelAgrees(await walk(file));
	});

	test('an ACL grants access the mode bits refuse', async () => {
		const file = write('acl/page.html', 0o600);
		fs.chmodSync(path.join(root, 'acl'), 0o700);
		setfacl('-m', 'u:www-data:x', path.join(root, 'acl'));
		setfacl('-m', 'u:www-data:r', file);
		const result = await walk(file);
		expect(result.outcome).toBe('readable');
		expect(result.aclInUse).toBe(true);
		expect(result.entries.at(-1)).toMatchObject({symbolic: '-rw-r-----+', access: {allowed: true, via: 'acl-user'}});
		expectKernelAgrees(result);
	});

	test('an ACL mask takes away what a named entry grants; the fix widens the mask only', async () => {
		const file = write('mask/page.html', 0o600);
		setfacl('-m', 'u:www-data:r', file);
		setfacl('-m', 'm::---', file);
		const result = await walk(file);
		expect(result.entries.at(-1)?.access).toEqual({allowed: false, via: 'acl-user', maskDenied: true});
		expectKernelAgrees(result);
		const [blocked] = walkFindings(result).filter(finding => finding.code === 'permissions.not-readable');
		expect(blocked?.text).toContain('ACL mask (---) removes it');
		expect(blocked?.fix?.owner).toEqual([`setfacl -m m::r-- ${file}`]);
		applyFixSteps(blocked?.fix?.owner ?? []);
		const after = await walk(file);
		expect(after.outcome).toBe('readable');
		expectKernelAgrees(after);
	});

	test('when ACLs are in use on the path, a blocked folder is fixed with setfacl, not chmod', async () => {
		const file = write('mixed/inner/page.html', 0o644);
		setfacl('-m', 'u:nobody:r', file);
		fs.chmodSync(path.join(root, 'mixed'), 0o750);
		const result = await walk(file);
		const [blocked] = walkFindings(result).filter(finding => finding.code === 'permissions.not-traversable');
		expect(blocked?.fix?.owner).toEqual([`setfacl -m u:www-data:x ${path.join(root, 'mixed')}`]);
		applyFixSteps(blocked?.fix?.owner ?? []);
		expect(fs.statSync(path.join(root, 'mixed')).mode & 0o7).toBe(0);
		const after = await walk(file);
		expect(after.outcome).toBe('readable');
		expectKernelAgrees(after);
	});

	test('a symlink is followed into a blocked target; link and target owners are compared', async () => {
		const file = write('data/private/real.html', 0o644);
		fs.chmodSync(path.join(root, 'data/private'), 0o700);
		fs.mkdirSync(path.join(root, 'www'));
		const link = path.join(root, 'www/link');
		fs.symlinkSync('../data/private', link);
		chown('nobody', link, true);
		const result = await walk(path.join(link, 'real.html'));
		expect(result.outcome).toBe('blocked');
		expect(result.entries.find(entry => entry.kind === 'symlink')).toMatchObject({linkTarget: '../data/private', owner: 'nobody'});
		expect(result.entries.at(-1)).toMatchObject({path: file, depth: 0});
		expect(result.entries.find(entry => entry.path === path.join(root, 'data/private'))?.depth).toBe(1);
		expect(result.symlinks).toEqual([{
			link, target: path.join(root, 'data/private'), linkOwner: 'nobody', targetOwner: 'root', ownerMatch: false,
		}]);
		expectKernelAgrees(result);
		const codes = walkFindings(result).map(finding => finding.code);
		expect(codes).toContain('permissions.symlink-owner-mismatch');
		expect(codes).toContain('permissions.not-traversable');
	});

	test('renderWalk prints what `namei -l` prints, plus the marks', async () => {
		write('data/site/page.html', 0o644);
		fs.chmodSync(path.join(root, 'data'), 0o750);
		fs.symlinkSync(path.join(root, 'data/site'), path.join(root, 'abs'));
		fs.symlinkSync('data', path.join(root, 'rel'));
		for (const target of [path.join(root, 'abs/page.html'), path.join(root, 'rel/site/page.html')]) {
			const result = await walk(target);
			const rendered = renderWalk(result).split('\n');
			const namei = execFileSync('namei', ['-l', target], {encoding: 'utf8'}).trimEnd().split('\n');
			const columns = (line: string) => line.replace(/ {2}<- .*$/, '').trim().split(/\s+/);
			expect(rendered.slice(1).map(line => columns(line.slice(2)))).toEqual(namei.slice(1).map(line => columns(line)));
			const blocked = rendered.find(line => line.startsWith('>'));
			expect(blocked).toMatch(/^> drwxr-x--- +root +root +(?:\s*)data {2}<- first block: www-data lacks x$/);
		}
	});

	test('a symlink loop ends the walk instead of looping', async () => {
		fs.symlinkSync('b', path.join(root, 'a'));
		fs.symlinkSync('a', path.join(root, 'b'));
		const result = await walk(path.join(root, 'a/x'));
		expect(result.outcome).toBe('loop');
		expect(walkFindings(result).map(finding => finding.code)).toContain('permissions.symlink-loop');
	});

	test('a missing file supports wrong-url and names the missing component', async () => {
		write('site/there.html', 0o644);
		const result = await walk(path.join(root, 'site/not-there.html'));
		expect(result.outcome).toBe('missing');
		const [missing] = walkFindings(result).filter(finding => finding.code === 'permissions.missing');
		expect(missing?.supports?.['wrong-url']).toBeGreaterThan(0.2);
		expect(missing?.location).toEqual({file: path.join(root, 'site/not-there.html')});
	});

	test('a folder request without an index file supports directory-index-missing', async () => {
		write('dir/readme.txt', 0o644);
		const result = await walk(path.join(root, 'dir'), true);
		expect(result).toMatchObject({directory: true, outcome: 'no-index'});
		const [finding] = walkFindings(result).filter(each => each.code === 'permissions.index-missing');
		expect(finding?.supports).toEqual({'directory-index-missing': 0.6});
		expect(finding?.location).toEqual({file: path.join(root, 'dir')});
	});

	test('a folder request finds the first index file of a configurable list and judges it', async () => {
		const index = write('dir/home.htm', 0o600);
		chown('nobody', index);
		const result = await walkPermissions(`${path.join(root, 'dir')}/`, {webUser, indexFiles: ['index.html', 'home.htm']}, io);
		expect(result.index?.found).toEqual({name: 'home.htm', path: index, readable: false});
		expect(result.outcome).toBe('blocked');
		expectKernelAgrees(result);
		const [blocked] = walkFindings(result).filter(finding => finding.code === 'permissions.not-readable');
		expect(blocked?.text).toContain('index file');
	});

	test('a site under /root is blocked at /root itself', async () => {
		const underRoot = makeTempRoot('/root');
		try {
			const file = path.join(underRoot, 'index.html');
			fs.writeFileSync(file, 'x');
			fs.chmodSync(file, 0o644);
			const result = await walk(file);
			expect(result.entries[result.firstBlocked ?? -1]?.path).toBe('/root');
			expectKernelAgrees(result);
		} finally {
			removeTree(underRoot);
		}
	});

	test('with SELinux enforcing, a file the mode bits allow but labelled default_t gets a relabel fix', async () => {
		// SELinux is off on this machine: only the three SELinux reads are answered as an enforcing RHEL host would.
		const file = write('webdata/index.html', 0o644);
		const selinuxIo: PermissionsIo = {
			...io,
			exists: async target => target === '/sys/fs/selinux/enforce' || io.exists(target),
			readText: async target => target === '/sys/fs/selinux/enforce' ? '1\n' : io.readText(target),
			run: async (command, args) => command === 'stat' && args[1] === '%C'
				? {code: 0, stdout: args.at(-1) === file ? 'unconfined_u:object_r:default_t:s0\n' : 'system_u:object_r:var_t:s0\n', stderr: ''}
				: io.run(command, args),
		};
		const result = await walkPermissions(file, {webUser}, selinuxIo);
		expect(result.selinux).toBe('enforcing');
		expect(result.outcome).toBe('readable');
		const [label] = walkFindings(result).filter(finding => finding.code === 'permissions.selinux-label');
		expect(label).toMatchObject({supports: {'file-permissions': 0.6}, location: {file}, mark: 'fail'});
		expect(label?.fix?.owner).toEqual([
			`semanage fcontext -a -t httpd_sys_content_t '${path.join(root, 'webdata')}(/.*)?'`,
			`restorecon -Rv ${path.join(root, 'webdata')}`,
		]);
	});

	test('an unknown web user is a typed error', async () => {
		await expect(walkPermissions('/tmp', {webUser: 'no-such-user-fix403'}, io)).rejects.toBeInstanceOf(UnknownWebUserError);
	});
});
