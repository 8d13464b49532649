import {expect, test} from 'vitest';
import {createLimiter} from '../../src/net/limiter.js';

test('slots go first come, first served; a release wakes the next in line', async () => {
	const limiter = createLimiter(2);
	const order: string[] = [];

	const first = await limiter.acquire();
	const second = await limiter.acquire();
	const third = limiter.acquire().then(release => {
		order.push('third');
		return release;
	});
	const fourth = limiter.acquire().then(release => {
		order.push('fourth');
		return release;
	});
	await Promise.resolve();
	expect(limiter.active()).toBe(2);
	expect(order).toEqual([]);

	first!();
	first!();
	const thirdRelease = await third;
	expect(order).toEqual(['third']);
	expect(limiter.active()).toBe(2);

	second!();
	(await fourth)!();
	thirdRelease!();
	expect(order).toEqual(['third', 'fourth']);
	expect(limiter.active()).toBe(0);
});

test('a waiter whose signal fires leaves the queue without a slot', async () => {
	const limiter = createLimiter(1);
	const controller = new AbortController();
	const held = await limiter.acquire();

	const cancelled = limiter.acquire(controller.signal);
	const next = limiter.acquire();
	controller.abort();

	expect(await cancelled).toBeUndefined();
	held!();
	const release = await next;
	expect(release).toBeTypeOf('function');
	expect(limiter.active()).toBe(1);
	expect(await limiter.acquire(controller.signal)).toBeUndefined();
});
