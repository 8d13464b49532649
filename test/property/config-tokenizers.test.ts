import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {ApacheConfigError, parseConfigText} from '../../src/owner/apache/index.js';
import {evaluateExpression} from '../../src/owner/apache/expr.js';
import {logicalLines, splitWords, unquoteExpression} from '../../src/owner/apache/tokenize.js';
import {NginxConfigError, parseNginxText, tokenizeNginx} from '../../src/owner/nginx/index.js';
import {anyText, mutated, onlyTypedErrors, reshuffledLines, seeded, truncated} from './arbitraries.js';

/*
The owner's configuration is read from disk as it is — half-edited, with includes of anything. The nginx and
Apache tokenizers and parsers return their structure or throw their typed error (with file and line); the
ap_expr evaluator answers true, false or unknown and never throws. (parseNginxText is also fuzzed in
test/owner/nginx/errors.test.ts; here the seeds are whole real files.)
*/

// Debian's nginx package, /etc/nginx/sites-available/default (comments dropped), plus common 403 rules
// from the nginx docs (ngx_http_access_module, ngx_http_referer_module).
const nginxDefault = `server {
	listen 80 default_server;
	listen [::]:80 default_server;
	root /var/www/html;
	index index.html index.htm index.nginx-debian.html;
	server_name _;
	location / {
		try_files $uri $uri/ =404;
	}
	location ~ /\\.ht {
		deny all;
	}
	location /admin/ {
		allow 192.168.1.0/24;
		deny all;
		auth_basic "closed site";
		auth_basic_user_file conf/htpasswd;
	}
	location ~* \\.(gif|jpg|png)$ {
		valid_referers none blocked server_names *.example.com ~\\.google\\.;
		if ($invalid_referer) {
			return 403;
		}
	}
	set $x "a \\"quoted\\" {brace}";
	rewrite ^/old/(.*)$ /new/$1 last;
}
`;
// Debian's apache2 package: apache2.conf's Directory blocks and sites-available/000-default.conf, plus rules
// from the httpd 2.4 docs (mod_authz_core <RequireAll>, <If> with ap_expr, mod_rewrite [F]).
const apacheDefault = `<Directory />
	Options FollowSymLinks
	AllowOverride None
	Require all denied
</Directory>
<Directory /var/www/>
	Options Indexes FollowSymLinks
	AllowOverride None
	Require all granted
</Directory>
AccessFileName .htaccess
<FilesMatch "^\\.ht">
	Require all denied
</FilesMatch>
<VirtualHost *:80>
	ServerAdmin webmaster@localhost
	DocumentRoot /var/www/html
	ErrorLog \${APACHE_LOG_DIR}/error.log
	CustomLog \${APACHE_LOG_DIR}/access.log combined
	<Location "/private">
		<RequireAll>
			Require ip 10.0.0.0/8
			Require not ip 10.1.2.3
		</RequireAll>
	</Location>
	<If "%{HTTP_REFERER} !~ m#^https://example\\.com/#">
		Require all denied
	</If>
	RewriteEngine On
	RewriteCond %{HTTP_USER_AGENT} ^curl [NC]
	RewriteRule ^ - [F]
	Options Indexes \\
		FollowSymLinks
</VirtualHost>
`;

const configText = (seeds: readonly string[], alphabet: readonly string[]) => fc.oneof(
	mutated(seeds),
	truncated(seeds),
	reshuffledLines(seeds),
	fc.array(fc.oneof(fc.constantFrom(...alphabet), fc.string({maxLength: 10})), {maxLength: 60}).map(parts => parts.join('')),
	anyText,
);

describe('nginx', () => {
	const text = configText([nginxDefault], ['{', '}', ';', '"', '\'', '\\', '#', '$', '${', '(', ')', ' ', '\n', '\t', 'location', 'if', 'server', 'include', '~*', '=']);

	test('tokenizeNginx and parseNginxText: tokens and a tree, or an NginxConfigError with file and line', () => {
		fc.assert(fc.property(text, config => {
			const tokens = onlyTypedErrors(() => tokenizeNginx(config, 'fuzz.conf'), NginxConfigError);
			for (const token of tokens ?? []) {
				expect(token.line).toBeGreaterThanOrEqual(1);
			}

			try {
				parseNginxText(config, 'fuzz.conf');
			} catch (error) {
				expect(error).toBeInstanceOf(NginxConfigError);
				expect((error as NginxConfigError).file).toBe('fuzz.conf');
			}
		}), seeded(4000));
	});

	test('the seed itself parses (so the mutations start from a valid file)', () => {
		expect(parseNginxText(nginxDefault, 'default').length).toBeGreaterThan(0);
	});
});

describe('Apache', () => {
	const text = configText([apacheDefault], ['<', '>', '</', '"', '\'', '\\', '\\\n', '#', '%{', '}', ' ', '\n', '\r\n', '\t', 'Directory', 'If', 'Require', 'RewriteRule', '${']);

	test('logicalLines, splitWords and unquoteExpression never throw; parseConfigText throws only ApacheConfigError', () => {
		fc.assert(fc.property(text, config => {
			for (const line of logicalLines(config)) {
				expect(line.lastLine).toBeGreaterThanOrEqual(line.line);
				splitWords(line.text);
				unquoteExpression(line.text);
			}

			onlyTypedErrors(() => parseConfigText(config, 'fuzz.conf'), ApacheConfigError, ['APACHE_CONFIG_SYNTAX']);
		}), seeded(4000));
	});

	test('evaluateExpression answers true, false or unknown for any ap_expr, never throws', () => {
		const lookup = {variable: (name: string) => (name === 'REMOTE_ADDR' ? '192.0.2.15' : name === 'UNKNOWN' ? undefined : 'x'), header: () => 'Mozilla/5.0'};
		const expression = fc.oneof(
			fc.array(fc.oneof(fc.constantFrom('%{HTTP_REFERER}', '%{REMOTE_ADDR}', '%{UNKNOWN}', '==', '!=', '=~', '!~', '/re/i', 'm#^/a#', '-ipmatch', '-strmatch', '-R', '-n', '-z', 'in', '{', '}', ',', '!', '&&', '||', '(', ')', '\'10.0.0.0/8\'', '"x"', 'req(\'Referer\')', 'tolower(', 'true', 'false', ' '), fc.string({maxLength: 8})), {maxLength: 20}).map(parts => parts.join(' ')),
			anyText,
		);
		fc.assert(fc.property(expression, value => {
			const result = evaluateExpression(value, lookup);
			expect([true, false, undefined]).toContain(result.value);
		}), seeded(4000));
	});

	test('the seed itself parses (so the mutations start from a valid file)', () => {
		expect(parseConfigText(apacheDefault, 'default').length).toBeGreaterThan(0);
	});
});
