import {expect, test} from 'vitest';
import {normalizeUri} from '../../../src/owner/nginx/normalize-uri.js';

// nginx docs (location): matching uses the URI "after decoding %XX, resolving . and .., and merging slashes".
test.each([
	['/', '/'],
	['/a/b/', '/a/b/'],
	['//a///b', '/a/b'],
	['/a/./b', '/a/b'],
	['/a/b/../c', '/a/c'],
	['/a/..', '/'],
	['/images/%20/test', '/images/ /test'],
	['/caf%C3%A9.html', '/café.html'],
	['/%2e%2e/etc/passwd', undefined],
	['/../x', undefined],
	['/a%00b', undefined],
])('%s → %s', (raw, expected) => {
	expect(normalizeUri(raw)).toBe(expected);
});
