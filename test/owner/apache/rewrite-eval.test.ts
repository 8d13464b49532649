import {describe, expect, test} from 'vitest';
import {parseConfigText} from '../../../src/owner/apache/parse.js';
import {evaluateRewrite} from '../../../src/owner/apache/rewrite-eval.js';
import {readFlags, readRewrite} from '../../../src/owner/apache/rewrite-rules.js';

// Rule sets from https://httpd.apache.org/docs/2.4/rewrite/access.html and mod_rewrite's reference
// (https://httpd.apache.org/docs/2.4/mod/mod_rewrite.html: [OR], [C], [S=n], [L], "!" patterns, -f/-d tests).
function run(rules: string, input: string, variables: Record<string, string> = {}, kinds: Record<string, 'file' | 'directory' | 'missing'> = {}) {
	const conf = readRewrite(parseConfigText(rules, 'site.conf'));
	const outcome = evaluateRewrite(conf?.rules ?? [], input, {variable: name => variables[name], fileKind: path => kinds[path]});
	return {forbiddenAt: outcome.forbidden?.at.line, other: outcome.other?.effect, uncertain: outcome.uncertain};
}

const hotlink = 'RewriteCond "%{HTTP_REFERER}" "!^$"\nRewriteCond "%{HTTP_REFERER}" "!www.example.com" [NC]\nRewriteRule "\\.(gif|jpg|png)$" "-" [F,NC]';
const robots = 'RewriteCond "%{HTTP_USER_AGENT}" "^NameOfBadRobot"\nRewriteCond "%{REMOTE_ADDR}" "=123\\.45\\.67\\.[8-9]"\nRewriteRule "^/secret/files/" "-" [F]';

type RuleCase = {name: string; rules: string; input: string; variables?: Record<string, string>; kinds?: Record<string, 'file' | 'directory' | 'missing'>; forbiddenAt: number | undefined};

describe('evaluateRewrite', () => {
	test.each<RuleCase>([
		{name: 'hotlink from elsewhere', rules: hotlink, input: 'img/logo.PNG', variables: {HTTP_REFERER: 'https://evil.example/'}, forbiddenAt: 3},
		{name: 'hotlink from the site itself', rules: hotlink, input: 'img/logo.png', variables: {HTTP_REFERER: 'https://WWW.EXAMPLE.COM/'}, forbiddenAt: undefined},
		{name: 'no Referer passes', rules: hotlink, input: 'img/logo.png', variables: {HTTP_REFERER: ''}, forbiddenAt: undefined},
		{name: 'robot: user agent alone is not enough', rules: robots, input: '/secret/files/a', variables: {HTTP_USER_AGENT: 'NameOfBadRobot/1', REMOTE_ADDR: '10.0.0.1'}, forbiddenAt: undefined},
		{name: 'robot: "=" compares the literal text', rules: robots, input: '/secret/files/a', variables: {HTTP_USER_AGENT: 'NameOfBadRobot/1', REMOTE_ADDR: '123\\.45\\.67\\.[8-9]'}, forbiddenAt: 3},
		{name: '[OR] chain', rules: 'RewriteCond %{REMOTE_ADDR} ^10\\. [OR]\nRewriteCond %{REMOTE_ADDR} ^192\\.168\\.\nRewriteRule ^admin - [F]', input: 'admin/', variables: {REMOTE_ADDR: '192.168.1.1'}, forbiddenAt: 3},
		{name: '[OR] chain, neither', rules: 'RewriteCond %{REMOTE_ADDR} ^10\\. [OR]\nRewriteCond %{REMOTE_ADDR} ^192\\.168\\.\nRewriteRule ^admin - [F]', input: 'admin/', variables: {REMOTE_ADDR: '172.16.0.1'}, forbiddenAt: undefined},
		{name: 'negated pattern', rules: 'RewriteRule !\\.(html|css)$ - [F]', input: 'script.php', forbiddenAt: 1},
		{name: '[L] stops before a later [F]', rules: 'RewriteRule ^public/ - [L]\nRewriteRule . - [F]', input: 'public/a.txt', forbiddenAt: undefined},
		{name: '[S=1] skips the next rule', rules: 'RewriteRule ^a - [S=1]\nRewriteRule ^a - [F]\nRewriteRule ^ab - [F]', input: 'ab', forbiddenAt: 3},
		{name: 'a failed [C] skips its chain', rules: 'RewriteRule ^x - [C]\nRewriteRule . - [F]\nRewriteRule ^y - [F]', input: 'y', forbiddenAt: 3},
		{name: 'front controller: existing files are not rewritten', rules: 'RewriteCond %{REQUEST_FILENAME} !-f\nRewriteRule ^ index.php [L]\nRewriteRule \\.php$ - [F]', input: 'app.php', variables: {REQUEST_FILENAME: '/srv/www/app.php'}, kinds: {'/srv/www/app.php': 'file'}, forbiddenAt: 3},
		{name: 'a rewrite changes what later rules see', rules: 'RewriteRule ^old/(.*)$ new/$1\nRewriteRule ^new/secret - [F]', input: 'old/secret', forbiddenAt: 2},
	])('$name', ({rules, input, variables, kinds, forbiddenAt}) => {
		expect(run(rules, input, variables, kinds).forbiddenAt).toBe(forbiddenAt);
	});

	test('a condition on a header we were not told about may forbid, and says it is unsure', () => {
		expect(run('RewriteCond %{HTTP:X-Api-Key} ^$\nRewriteRule ^api/ - [F]', 'api/x')).toMatchObject({forbiddenAt: 2, uncertain: true});
	});

	test('[G] and [R] are not 403s', () => {
		expect(run('RewriteRule ^gone - [G]', 'gone').other).toBe('gone');
		expect(run('RewriteRule ^moved https://example.com/ [R=301,L]', 'moved').other).toBe('redirect');
	});

	test.each([
		{text: '[F,L,NC]', flags: {f: '', l: '', nc: ''}},
		{text: '[forbidden,last]', flags: {f: '', l: ''}},
		{text: '[R=301, QSA]', flags: {r: '301', qsa: ''}},
	])('readFlags($text)', ({text, flags}) => {
		expect(Object.fromEntries(readFlags(text))).toEqual(flags);
	});
});
