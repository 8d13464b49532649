import {describe, expect, test} from 'vitest';
import {extensionAllowed, limitExtensions, limitExtensionsFinding} from '../../../src/owner/php-fpm/limit-extensions.js';
import {parseFpmConfig} from '../../../src/owner/php-fpm/parse-config.js';
import {poolsOf, poolValue, serviceName} from '../../../src/owner/php-fpm/pool.js';
import {canConnect, parseListen, socketSpec} from '../../../src/owner/php-fpm/socket.js';
import {socketFinding} from '../../../src/owner/php-fpm/socket-finding.js';
import type {WebIdentity} from '../../../src/owner/permissions/types.js';

// Debian 12's /etc/php/8.2/fpm/pool.d/www.conf, active lines with a few of its comments (php8.2-fpm package).
const debianWww = `; Start a new pool named 'www'.
[www]
; Unix user/group of processes
user = www-data
group = www-data
; The address on which to accept FastCGI requests.
listen = /run/php/php8.2-fpm.sock
; Default Values: Owner is set to the master process running user. If the group
;                 is not set, the owner's group is used. Mode is set to 0660.
listen.owner = www-data
listen.group = www-data
;listen.mode = 0660
;listen.acl_users =
pm = dynamic
pm.max_children = 5
;security.limit_extensions = .php .php3 .php4 .php5 .php7
`;

// RHEL/Rocky /etc/php-fpm.d/www.conf as the Rocky Linux docs quote it (find_string id 1459141037).
const rhelWww = `[www]
user = apache
group = apache

listen = /run/php-fpm/www.sock
listen.acl_users = apache,nginx
listen.allowed_clients = 127.0.0.1

pm = dynamic
php_admin_value[error_log] = /var/log/php-fpm/www-error.log
php_value[session.save_path]    = /var/lib/php/session
`;

const accounts = {
	users: [
		{name: 'root', uid: 0, gid: 0}, {name: 'www-data', uid: 33, gid: 33},
		{name: 'apache', uid: 48, gid: 48}, {name: 'nginx', uid: 997, gid: 995},
	],
	groups: [
		{name: 'root', gid: 0, members: []}, {name: 'www-data', gid: 33, members: []},
		{name: 'apache', gid: 48, members: []}, {name: 'nginx', gid: 995, members: []}, {name: 'web', gid: 2000, members: ['nginx']},
	],
};

const identity = (name: string): WebIdentity => {
	const user = accounts.users.find(each => each.name === name)!;
	const groups = [user.gid, ...accounts.groups.filter(group => group.members.includes(name)).map(group => group.gid)];
	return {name, uid: user.uid, gid: user.gid, groups, groupName: accounts.groups.find(group => group.gid === user.gid)!.name};
};

function pool(text: string, file = '/etc/php/8.2/fpm/pool.d/www.conf') {
	const [first] = poolsOf([parseFpmConfig(file, text)]);
	if (!first) {
		throw new Error('no pool');
	}

	return first;
}

describe('parsing pool files', () => {
	test('sections, comments, quoting, keys with brackets, $pool, include', () => {
		const parsed = parseFpmConfig('/etc/php-fpm.conf', 'include=/etc/php-fpm.d/*.conf\n[global]\npid = /run/php-fpm/php-fpm.pid\n\n[site]\nlisten = "/run/php/$pool.sock" ; trailing comment\nphp_admin_value[open_basedir] = /srv/site:/tmp\nuser=site ; who\n');
		expect(parsed.includes).toEqual([{pattern: '/etc/php-fpm.d/*.conf', line: 1}]);
		const [site] = poolsOf([parsed]);
		expect(site?.name).toBe('site');
		expect(site?.line).toBe(5);
		expect(poolValue(site!, 'listen')).toEqual({key: 'listen', value: '/run/php/site.sock', line: 6});
		expect(poolValue(site!, 'php_admin_value[open_basedir]')?.value).toBe('/srv/site:/tmp');
		expect(poolValue(site!, 'user')?.value).toBe('site');
	});

	test('service names follow the distribution layout', () => {
		expect(serviceName('/etc/php/8.2/fpm/pool.d/www.conf')).toBe('php8.2-fpm');
		expect(serviceName('/etc/php-fpm.d/www.conf')).toBe('php-fpm');
	});
});

describe('security.limit_extensions', () => {
	test.each([
		['/srv/www/a.php', ['.php'], true],
		['/srv/www/page.html', ['.php'], false],
		['/srv/www/A.PHP', ['.php'], false],
		['/srv/www/a.php5', ['.php', '.php5'], true],
		['/srv/www/page.html', [], true],
		['.php', ['.php'], false],
	])('%s with %j', (script, extensions, allowed) => {
		expect(extensionAllowed(script, extensions)).toBe(allowed);
	});

	test('the default (.php) when the directive is commented out; an empty value allows all', () => {
		expect(limitExtensions(pool(debianWww))).toEqual(['.php']);
		expect(limitExtensions(pool('[www]\nsecurity.limit_extensions =\n'))).toEqual([]);
	});

	test('an .html script under the default gets a strong finding that names the pool file and line', () => {
		const finding = limitExtensionsFinding(pool(debianWww), '/var/www/html/page.html');
		expect(finding).toMatchObject({
			code: 'php-fpm.limit-extensions',
			supports: {'php-fpm-denied': 0.85},
			location: {file: '/etc/php/8.2/fpm/pool.d/www.conf', line: 2},
			mark: 'fail',
		});
		expect(finding.fix?.owner?.join('\n')).toContain('security.limit_extensions = .php .html');
		expect(finding.fix?.owner?.join('\n')).toContain('systemctl reload php8.2-fpm');
	});

	test('an explicit directive is pointed at by its own line', () => {
		const finding = limitExtensionsFinding(pool('[app]\nuser = app\nsecurity.limit_extensions = .php .phtml\n'), '/srv/app/x.phtml');
		expect(finding).toMatchObject({code: 'php-fpm.limit-extensions-ok', location: {line: 3}});
	});
});

describe('socket permissions', () => {
	test.each([
		['127.0.0.1:9000', 'tcp'], ['9000', 'tcp'], ['[::1]:9000', 'tcp'], ['/run/php/php8.2-fpm.sock', 'unix'],
	])('listen %s is %s', (value, kind) => {
		expect(parseListen(value).kind).toBe(kind);
	});

	test.each([
		['Debian pool, nginx as www-data', debianWww, 'www-data', true],
		['Debian pool, nginx as nginx', debianWww, 'nginx', false],
		['RHEL acl_users lists nginx', rhelWww, 'nginx', true],
		['RHEL acl_users does not list www-data', rhelWww, 'www-data', false],
		['no listen.owner: root-owned 0660 socket', '[www]\nuser = www-data\nlisten = /run/php/x.sock\n', 'www-data', false],
		['group only', '[www]\nlisten = /run/x.sock\nlisten.owner = apache\nlisten.group = web\n', 'nginx', true],
		['world-writable mode', '[www]\nlisten = /run/x.sock\nlisten.mode = 0666\n', 'nginx', true],
		['acl_groups', '[www]\nlisten = /run/x.sock\nlisten.acl_groups = web\n', 'nginx', true],
	])('%s', (_name, text, user, allowed) => {
		const spec = socketSpec(pool(text), accounts);
		expect(canConnect(identity(user), spec, accounts).allowed).toBe(allowed);
	});

	test('a denied socket supports php-fpm-denied only weakly and says it means 502', () => {
		const rhel = pool(rhelWww, '/etc/php-fpm.d/www.conf');
		const spec = socketSpec(rhel, accounts);
		const who = identity('www-data');
		const finding = socketFinding(rhel, '/run/php-fpm/www.sock', spec, canConnect(who, spec, accounts), who, 'config');
		expect(finding.code).toBe('php-fpm.socket-denied');
		expect(finding.supports?.['php-fpm-denied']).toBeLessThan(0.3);
		expect(finding.text).toContain('502');
		expect(finding.location).toEqual({file: '/etc/php-fpm.d/www.conf', line: 6});
		expect(finding.fix?.owner?.[0]).toContain('listen.acl_users');
	});
});
