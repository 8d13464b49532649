import {describe, expect, test} from 'vitest';
import {classifyErrorEntry, parseErrorLine} from '../../../src/owner/logs/classify-error.js';
import {parseApacheErrorLine} from '../../../src/owner/logs/parse-apache-error.js';
import {parseNginxErrorLine} from '../../../src/owner/logs/parse-nginx-error.js';

describe('nginx error lines', () => {
	test('all fields of a real line (nginx 1.22.1 on this machine, static module)', () => {
		const line = '2026/11/25 13:25:10 [error] 14094#14094: *1 open() "/tmp/ngx.hCvx/www/secret.html" failed (13: Permission denied), client: 10.0.0.7, server: lab.test, request: "GET /secret.html HTTP/1.1", host: "x", referrer: "https://example.com/"';
		expect(parseNginxErrorLine(line)).toEqual({
			server: 'nginx',
			time: '2026-11-25T13:25:10',
			level: 'error',
			pid: 14_094,
			connection: 1,
			client: '10.0.0.7',
			serverName: 'lab.test',
			request: 'GET /secret.html HTTP/1.1',
			upstream: undefined,
			host: 'x',
			referrer: 'https://example.com/',
			message: 'open() "/tmp/ngx.hCvx/www/secret.html" failed (13: Permission denied)',
		});
	});

	test('a startup notice has no client fields and is not classified', () => {
		const entry = parseNginxErrorLine('2026/11/25 13:34:33 [notice] 28021#28021: start worker processes');
		expect(entry).toMatchObject({level: 'notice', message: 'start worker processes', client: undefined});
		expect(entry && classifyErrorEntry(entry)).toBeUndefined();
	});

	test.each([
		// Captured from nginx 1.22.1 (Debian) in this project's lab runs.
		['permission-denied', '/tmp/ngx.hCvx/www/secret.html', '2026/11/25 13:25:10 [error] 14094#14094: *1 open() "/tmp/ngx.hCvx/www/secret.html" failed (13: Permission denied), client: unix:, server: , request: "GET /secret.html HTTP/1.1", host: "x"'],
		['access-forbidden-by-rule', undefined, '2026/11/25 13:25:10 [error] 14094#14094: *2 access forbidden by rule, client: unix:, server: , request: "GET /deny/a HTTP/1.1", host: "x"'],
		['directory-index-forbidden', '/tmp/ngx.hCvx/www/dir/', '2026/11/25 13:25:10 [error] 14094#14094: *4 directory index of "/tmp/ngx.hCvx/www/dir/" is forbidden, client: unix:, server: , request: "GET /dir/ HTTP/1.1", host: "x"'],
		['php-fpm-limit-extensions', '/tmp/fpm.VsdP/www/page.html', '2026/11/25 13:34:34 [error] 28023#28023: *3 FastCGI sent in stderr: "Access to the script \'/tmp/fpm.VsdP/www/page.html\' has been denied (see security.limit_extensions)" while reading response header from upstream, client: unix:, server: , request: "GET /page.html HTTP/1.1", upstream: "fastcgi://unix:/tmp/fpm.VsdP/fpm.sock:", host: "x"'],
		['php-fpm-script-unreadable', '/tmp/fpm.VsdP/www/a.php', '2026/11/25 13:34:34 [error] 28023#28023: *5 FastCGI sent in stderr: "PHP message: PHP Warning:  PHP Request Startup: Failed to open stream: Permission denied in Unknown on line 0; Unable to open primary script: /tmp/fpm.VsdP/www/a.php (Permission denied)" while reading response header from upstream, client: unix:, server: , request: "GET /a.php HTTP/1.1", upstream: "fastcgi://unix:/tmp/fpm.VsdP/fpm.sock:", host: "x"'],
		// Chinese nginx 403 write-up (find_string id 34204933584): index file unreadable.
		['permission-denied', '/code/blog/index.html', '2023/11/28 22:41:10 [error] 78117#0: *2 "/code/blog/index.html" is forbidden (13: Permission denied), client: 171.15.106.136, server: _, request: "GET / HTTP/1.1", host: "mengyang.online"'],
		// Shape from REFERENCE.md §2.1 (disable_symlinks → ELOOP).
		['symlink-refused', '/srv/www/link/f', '2026/01/02 03:04:05 [error] 123#123: *45 openat() "/srv/www/link/f" failed (40: Too many levels of symbolic links), client: 1.2.3.4, server: example.com, request: "GET /link/f HTTP/1.1", host: "example.com"'],
		// BunkerWeb + CRS 3.3.2 issue capture (find_string id 4991555328), joined onto one line as nginx writes it.
		['modsecurity-block', undefined, '2022/04/26 12:01:10 [error] 85#85: *11 [client 172.17.0.1] ModSecurity: Access denied with code 403 (phase 2). Matched "Operator `Ge\' with parameter `5\' against variable `TX:ANOMALY_SCORE\' (Value: `10\' ) [file "/usr/share/bunkerweb/core/modsecurity/files/coreruleset/rules/REQUEST-949-BLOCKING-EVALUATION.conf"] [line "80"] [id "949110"] [rev ""] [msg "Inbound Anomaly Score Exceeded (Total Score: 10)"] [uri "/"] [unique_id "165097447014.179282"], client: 172.17.0.1, server: localhost, request: "GET /?id=/etc/passwd HTTP/1.1", host: "localhost"'],
		// Typical socket refusal (REFERENCE.md §2.3) — a 502, weak support only.
		['upstream-socket-denied', undefined, '2026/01/02 03:04:05 [crit] 77#77: *9 connect() to unix:/run/php/php8.2-fpm.sock failed (13: Permission denied) while connecting to upstream, client: 1.2.3.4, server: example.com, request: "GET /index.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "example.com"'],
		['limit-req', undefined, '2026/01/02 03:04:05 [error] 77#77: *10 limiting requests, excess: 10.520 by zone "one", client: 1.2.3.4, server: example.com, request: "GET /api HTTP/1.1", host: "example.com"'],
	])('%s', (id, fsPath, line) => {
		const entry = parseErrorLine(line);
		expect(entry?.server).toBe('nginx');
		const classified = entry && classifyErrorEntry(entry);
		expect(classified?.rule.id).toBe(id);
		expect(classified?.match.fs).toBe(fsPath);
	});

	test('ModSecurity details are extracted', () => {
		const entry = parseErrorLine('2022/04/26 12:01:10 [error] 85#85: *11 [client 172.17.0.1] ModSecurity: Access denied with code 403 (phase 2). [id "949110"] [msg "Inbound Anomaly Score Exceeded (Total Score: 10)"] [uri "/login"], client: 172.17.0.1, server: localhost, request: "POST /login HTTP/1.1", host: "localhost"');
		expect(entry && classifyErrorEntry(entry)?.match).toEqual({url: '/login', detail: {id: '949110', msg: 'Inbound Anomaly Score Exceeded (Total Score: 10)'}});
	});
});

describe('Apache error lines', () => {
	test('all fields of the REFERENCE.md line shape', () => {
		expect(parseApacheErrorLine('[Tue Feb 11 17:17:31.331754 2016] [core:error] [pid 5240:tid 879] (13)Permission denied: [client 127.0.0.1:47007] AH00132: file permissions deny server access: /var/www/x.html, referer: http://example.com/')).toEqual({
			server: 'apache',
			time: '2016-02-11T17:17:31',
			level: 'error',
			module: 'core',
			pid: 5240,
			client: '127.0.0.1:47007',
			referrer: 'http://example.com/',
			errno: {code: 13, text: 'Permission denied'},
			ah: 'AH00132',
			message: 'file permissions deny server access: /var/www/x.html',
		});
	});

	test.each([
		// Captured from Apache 2.4.71 (Debian) in this project's lab runs.
		['file-permissions-deny', '/tmp/apx.YI9p/www/secret.html', undefined, '[Wed Nov 25 13:40:17.296976 2026] [core:error] [pid 9466:tid 9488] (13)Permission denied: [client 127.0.0.1:39768] AH00132: file permissions deny server access: /tmp/apx.YI9p/www/secret.html'],
		['htaccess-unreadable', '/tmp/apx.YI9p/www/priv/.htaccess', undefined, '[Wed Nov 25 13:40:17.302319 2026] [core:crit] [pid 9466:tid 9492] (13)Permission denied: [client 127.0.0.1:39770] AH00529: /tmp/apx.YI9p/www/priv/.htaccess pcfg_openfile: unable to check htaccess file, ensure it is readable and that \'/tmp/apx.YI9p/www/priv/\' is executable'],
		['client-denied', '/tmp/apx.YI9p/www/deny/x.html', undefined, '[Wed Nov 25 13:40:17.307107 2026] [authz_core:error] [pid 9466:tid 9500] [client 127.0.0.1:39784] AH01630: client denied by server configuration: /tmp/apx.YI9p/www/deny/x.html'],
		['no-directory-index', '/tmp/apx.YI9p/www/dir/', undefined, '[Wed Nov 25 13:40:17.311893 2026] [autoindex:error] [pid 9466:tid 9503] [client 127.0.0.1:39786] AH01276: Cannot serve directory /tmp/apx.YI9p/www/dir/: No matching DirectoryIndex (index.html) found, and server-generated directory index forbidden by Options directive'],
		['symlink-not-allowed', '/tmp/apx.YI9p/www/link.html', undefined, '[Wed Nov 25 13:40:17.316494 2026] [core:error] [pid 9466:tid 9506] [client 127.0.0.1:39790] AH00037: Symbolic link not allowed or link target not accessible: /tmp/apx.YI9p/www/link.html'],
		// French dev notes (find_string id 1462712276).
		['search-permission-missing', '/home/alexandrecuer/Documents', '/try/', '[Mon Jan 29 15:01:17.092682 2024] [core:error] [pid 31249:tid 140349691373120] (13)Permission denied: [client 127.0.0.1:57462] AH00035: access to /try/ denied (filesystem path \'/home/alexandrecuer/Documents\') because search permissions are missing on a component of the path'],
		// fail2ban notes (find_string id 16068979085).
		['php-fpm-limit-extensions', '/var/sentora/hostdata/zadmin/public_html/host/wp-login.php/', undefined, '[Sat Jun 20 02:29:03.262438 2015] [proxy_fcgi:error] [pid 3071:tid 139903794902784] [client 104.151.242.59:55588] AH01071: Got error \'Access to the script \'/var/sentora/hostdata/zadmin/public_html/host/wp-login.php/\' has been denied (see security.limit_extensions)\\n\''],
		// python-forum.io capture with a referer (find_string id 56931951664); the errno-without-number variant is from a
		// Chinese blog (id 41822483319), which quotes the line without its timestamp (added here).
		['htaccess-unreadable', '/var/www/metulburr.com/images/notemoderator/.htaccess', undefined, '[Mon Mar 05 09:19:56.857172 2018] [core:crit] [pid 4124] (13)Permission denied: [client 82.117.130.3:32981] AH00529: /var/www/metulburr.com/images/notemoderator/.htaccess pcfg_openfile: unable to check htaccess file, ensure it is readable and that \'/var/www/metulburr.com/images/notemoderator/\' is executable, referer: https://python-forum.io/Thread-Nginx-Uwsgi-Djang'],
		['htaccess-unreadable', '/webdata/www/mail/.htaccess', undefined, '[Sun Jun 27 11:19:46.000000 2021] [core:crit] [pid 24208] Permission denied: [client 58.56.92.131:37345] AH00529: /webdata/www/mail/.htaccess pcfg_openfile: unable to check htaccess file, ensure it is readable and that \'/webdata/www/mail/\' is executable'],
		// Forum question (find_string id 57160074305).
		['rewrite-needs-symlinks', '/var/www/www-30hours/web/', undefined, '[Thu May 07 16:37:01.080673 2015] [rewrite:error] [pid 23572] [client 50.196.158.93:50995] AH00670: Options FollowSymLinks and SymLinksIfOwnerMatch are both off, so the RewriteRule directive is also forbidden due to its similar ability to circumvent directory restrictions : /var/www/www-30hours/web/'],
		// DataKit docs sample (find_string id 49025329663).
		['client-denied', '/Library/WebServer/Documents/server-status', undefined, '[Tue May 19 18:39:45.272121 2021] [access_compat:error] [pid 9802] [client ::1:50547] AH01797: client denied by server configuration: /Library/WebServer/Documents/server-status'],
		// Cobbler notes (find_string id 19824147494).
		['ssl-required', '/usr/share/cobbler/web/cobbler.wsgi', undefined, '[Sat Feb 27 01:47:13.126555 2016] [ssl:error] [pid 2405] [client 172.16.222.100:61683] AH02219: access to /usr/share/cobbler/web/cobbler.wsgi failed, reason: SSL connection required'],
		// Built from the message formats in REFERENCE.md §2.2 (mod_ssl, mod_authz_core); no capture was found.
		['tls-client', undefined, undefined, '[Wed Nov 25 13:40:17.000000 2026] [ssl:error] [pid 10:tid 11] [client 203.0.113.9:5050] AH02262: Re-negotiation handshake failed: Client verification failed'],
		['authorization-failure', undefined, '/admin', '[Wed Nov 25 13:40:17.000000 2026] [authz_core:error] [pid 10:tid 11] [client 203.0.113.9:5050] AH01631: user alice: authorization failure for "/admin": '],
		// ModSecurity under Apache 2.4 (find_string id 62610379094) and 2.2 (id 9041105099).
		['modsecurity-block', undefined, '/index.php', '[Fri Jun 19 14:32:10.102543 2026] [security2:error] [pid 12345:tid 140123] [client 192.168.1.50:49210] ModSecurity: Access denied with code 403 (phase 2). Pattern match "(<script>|alert\\\\(|javascript:)" at ARGS:search. [file "/etc/modsecurity/modsecurity.conf"] [id "100001"] [msg "Blocked Malicious XSS Injection Attempt"] [hostname "localhost"] [uri "/index.php"] [unique_id "W6Gl8H8AAAEAAH@fH8wAAAAB"]'],
		['modsecurity-block', undefined, '/api/products', '[Tue Apr 21 10:15:35 2025] [error] [client 185.173.35.42] ModSecurity: Access denied with code 403 (phase 2). Matched phrase "excessive requests" at REQUEST_HEADERS. [file "/etc/modsecurity/rules/dos.conf"] [line "28"] [id "990022"] [rev "2"] [msg "Potential DoS Attack"] [severity "CRITICAL"] [hostname "shop.example.com"] [uri "/api/products"] [unique_id "YKJs2MCoAXUXs4EmPHwWbwAAAAA"]'],
	])('%s', (id, fsPath, urlPath, line) => {
		const entry = parseErrorLine(line);
		expect(entry?.server).toBe('apache');
		const classified = entry && classifyErrorEntry(entry);
		expect(classified?.rule.id).toBe(id);
		expect(classified?.match.fs).toBe(fsPath);
		expect(classified?.match.url).toBe(urlPath);
	});

	test('Apache 2.2 line shape and the [:error] tag of mod_php parse too', () => {
		expect(parseApacheErrorLine('[Tue Apr 21 10:15:35 2025] [error] [client 185.173.35.42] File does not exist: /var/www/favicon.ico')).toMatchObject({level: 'error', client: '185.173.35.42', time: '2025-04-21T10:15:35'});
		// Egroupware forum post (find_string id 56799570313).
		expect(parseApacheErrorLine('[Sun Dec 10 14:06:18.082495 2017] [:error] [pid 5211] [client 72.200.56.98:40807] script \'/var/www/groupdav.php\' not found or unable to stat')).toMatchObject({module: '', level: 'error', client: '72.200.56.98:40807'});
	});

	test('a notice without client is parsed and not classified', () => {
		const entry = parseErrorLine('[Wed Nov 25 13:40:16.278834 2026] [mpm_event:notice] [pid 9464:tid 9464] AH00489: Apache/2.4.71 (Debian) configured -- resuming normal operations');
		expect(entry).toMatchObject({ah: 'AH00489', module: 'mpm_event'});
		expect(entry && classifyErrorEntry(entry)).toBeUndefined();
	});
});
