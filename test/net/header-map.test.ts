import {expect, test} from 'vitest';
import {headerMapFromRaw} from '../../src/net/header-map.js';

test('names are lower-cased, repeats keep every value, hostile names are plain keys', () => {
	const map = headerMapFromRaw(['Set-Cookie', 'a=1', 'Server', 'cloudflare', 'set-cookie', 'b=2', 'SET-COOKIE', 'c=3', '__proto__', 'x', 'constructor', 'y']);

	expect(map['set-cookie']).toEqual(['a=1', 'b=2', 'c=3']);
	expect(map['server']).toBe('cloudflare');
	expect(map['__proto__']).toBe('x');
	expect(map['constructor']).toBe('y');
	expect(Object.keys(map)).toEqual(['set-cookie', 'server', '__proto__', 'constructor']);
	expect(({} as Record<string, unknown>)['x']).toBeUndefined();
});
