import {describe, expect, test} from 'vitest';
import {logicalLines, splitWords, unquoteExpression} from '../../../src/owner/apache/tokenize.js';

// Syntax rules from https://httpd.apache.org/docs/2.4/configuring.html#syntax: a backslash as the very last
// character continues the line; `#` starts a comment only at the start of a line (no trailing comments);
// leading white space is ignored. The continuation joins without inserting a space (httpd's ap_cfg_getline;
// `Options Indexes\` + `FollowSymLinks` reads as "IndexesFollowSymLinks", confirmed with apache2 -t).
describe('logicalLines', () => {
	test.each([
		{name: 'plain directive', text: 'Require all denied\n', lines: [{text: 'Require all denied', line: 1, lastLine: 1}]},
		{name: 'leading white space, CRLF', text: '\r\n    Require all granted\r\n', lines: [{text: 'Require all granted', line: 2, lastLine: 2}]},
		{name: 'comment lines dropped', text: '# Deny everything\n  # indented comment\nRequire all denied', lines: [{text: 'Require all denied', line: 3, lastLine: 3}]},
		{name: 'no trailing comments', text: 'Require all denied # not a comment', lines: [{text: 'Require all denied # not a comment', line: 1, lastLine: 1}]},
		{name: 'continuation keeps the next line as is', text: 'Options Indexes \\\n    FollowSymLinks\nDirectoryIndex a', lines: [
			{text: 'Options Indexes     FollowSymLinks', line: 1, lastLine: 2}, {text: 'DirectoryIndex a', line: 3, lastLine: 3},
		]},
		{name: 'continuation without space glues words', text: 'Options Indexes\\\nFollowSymLinks', lines: [{text: 'Options IndexesFollowSymLinks', line: 1, lastLine: 2}]},
		{name: 'a continued comment swallows the next line', text: '# comment \\\nRequire all denied\nRequire all granted', lines: [{text: 'Require all granted', line: 3, lastLine: 3}]},
		{name: 'a # after a continuation is an argument', text: 'Require all granted \\\n # really', lines: [{text: 'Require all granted  # really', line: 1, lastLine: 2}]},
		{name: 'backslash followed by a space is not a continuation', text: 'A b\\ \nC d', lines: [{text: 'A b\\', line: 1, lastLine: 1}, {text: 'C d', line: 2, lastLine: 2}]},
		{name: 'three physical lines', text: 'RewriteCond %{HTTP_REFERER} \\\n  !^https://example\\.com/ \\\n  [NC]\n', lines: [
			{text: 'RewriteCond %{HTTP_REFERER}   !^https://example\\.com/   [NC]', line: 1, lastLine: 3},
		]},
	])('$name', ({text, lines}) => {
		expect(logicalLines(text)).toEqual(lines);
	});
});

// Word splitting as httpd's ap_getword_conf (server/util.c): quotes group, `\"` and `\\` are escapes inside
// them, a word ends at the closing quote. The last sample is the one checked against httpd -D DUMP_CONFIG in
// load-vs-httpd.test.ts.
describe('splitWords', () => {
	test.each([
		{raw: 'all denied', words: ['all', 'denied']},
		{raw: '  "/var/www/my site"  ', words: ['/var/www/my site']},
		{raw: '\'single quoted\' "double"', words: ['single quoted', 'double']},
		{raw: '"say \\"hi\\""', words: ['say "hi"']},
		{raw: '"%{HTTP_HOST} == \'example.com\'"', words: ['%{HTTP_HOST} == \'example.com\'']},
		{raw: '"abc"def', words: ['abc', 'def']},
		{raw: '"unterminated value', words: ['unterminated value']},
		{raw: 'e\\\\f back\\slash', words: ['e\\f', 'back\\slash']},
		{raw: '"\\.(gif|jpg|png)$" - [F,NC]', words: ['\\.(gif|jpg|png)$', '-', '[F,NC]']},
		{raw: '"index page.html" \'single q.html\' a\\"b "c\\"d" e\\\\f', words: ['index page.html', 'single q.html', 'a\\"b', 'c"d', 'e\\f']},
	])('$raw', ({raw, words}) => {
		expect(splitWords(raw)).toEqual(words);
	});
});

describe('unquoteExpression', () => {
	test.each([
		{raw: '"%{REQUEST_METHOD} == \'PUT\'"', expression: '%{REQUEST_METHOD} == \'PUT\''},
		{raw: '-R \'10.0.0.0/8\'', expression: '-R \'10.0.0.0/8\''},
		{raw: '  "true"  ', expression: 'true'},
	])('$raw', ({raw, expression}) => {
		expect(unquoteExpression(raw)).toBe(expression);
	});
});
