import {expect, test} from 'vitest';
import {nextHop, type Hop} from '../../src/net/redirects.js';

const post: Hop = {
	method: 'POST',
	url: 'https://shop.example/cart',
	headers: [['Content-Type', 'application/x-www-form-urlencoded'], ['Authorization', 'Bearer t'], ['Cookie', 'sid=1'], ['X-Trace', '7']],
	body: 'item=1',
};

// Fetch standard §4.4 HTTP-redirect fetch, step 12: which statuses rewrite which methods.
test.each([
	[301, 'POST', 'GET', false],
	[302, 'POST', 'GET', false],
	[303, 'POST', 'GET', false],
	[307, 'POST', 'POST', true],
	[308, 'POST', 'POST', true],
	[301, 'PUT', 'PUT', true],
	[302, 'DELETE', 'DELETE', true],
	[303, 'PUT', 'GET', false],
	[303, 'HEAD', 'HEAD', false],
] as const)('%i after %s → %s (body kept: %s)', (status, method, expected, keepsBody) => {
	const next = nextHop({...post, method, ...(method === 'HEAD' ? {body: undefined} : {})}, status, '/next');
	expect(next).toMatchObject({method: expected, url: 'https://shop.example/next'});
	const hop = next as Hop;
	expect(hop.body !== undefined).toBe(keepsBody);
	const names = hop.headers.map(([name]) => name);
	// Body headers go when the method is rewritten; same-origin credentials stay.
	expect(names.includes('Content-Type')).toBe(expected === method);
	expect(names).toContain('Authorization');
	expect(names).toContain('Cookie');
});

test('leaving the origin drops Authorization, Cookie, Proxy-Authorization and a forced Host, keeps the rest', () => {
	const hop: Hop = {
		method: 'GET',
		url: 'http://a.example/x',
		headers: [['authorization', 'Basic dTpw'], ['COOKIE', 'sid=1'], ['Proxy-Authorization', 'Basic cDpx'], ['Host', 'a.example'], ['Accept', 'text/html']],
	};

	for (const location of ['http://b.example/x', 'https://a.example/x', 'http://a.example:8080/x', '//cdn.example/x']) {
		expect((nextHop(hop, 302, location) as Hop).headers).toEqual([['Accept', 'text/html']]);
	}

	expect((nextHop(hop, 302, 'http://A.EXAMPLE:80/y#frag') as Hop)).toEqual({...hop, url: 'http://a.example/y'});
});

test('a Location that cannot be followed is reported, not followed', () => {
	expect(nextHop(post, 302, 'javascript:alert(1)')).toEqual({problem: expect.stringContaining('javascript:') as unknown});
	expect(nextHop(post, 302, 'http://[::1')).toEqual({problem: expect.stringContaining('not a valid URL') as unknown});
});

test('a UTF-8 Location (sent raw, read by Node as latin1) resolves to the right URL', () => {
	const raw = Buffer.from('/café', 'utf8').toString('latin1');
	expect((nextHop(post, 307, raw) as Hop).url).toBe('https://shop.example/caf%C3%A9');
});
