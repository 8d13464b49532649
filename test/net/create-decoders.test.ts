import {expect, test} from 'vitest';
import {createDecoders} from '../../src/net/create-decoders.js';

test.each([
	[undefined, 0],
	['', 0],
	['identity', 0],
	['gzip', 1],
	['X-GZIP', 1],
	['deflate, br', 2],
	['br', 1],
])('Content-Encoding %j needs %i decoder(s)', (value, count) => {
	const decoders = createDecoders(value);
	expect(decoders).toHaveLength(count);
	for (const decoder of decoders ?? []) {
		decoder.destroy();
	}
});

test.each(['compress', 'zstd, gzip', 'toString', '__proto__'])('%j cannot be decoded', value => {
	expect(createDecoders(value)).toBeUndefined();
});
