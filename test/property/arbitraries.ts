import fc from 'fast-check';
import {expect} from 'vitest';

/** Every property here runs from the same seed: the generated inputs are the same on every run. */
export const seeded = (numRuns: number) => ({numRuns, seed: 0x403});

/** A real sample with a random slice replaced by random text: near-misses that reach deep into a parser. */
export function mutated(seeds: readonly string[], insert: fc.Arbitrary<string> = fc.string({unit: 'binary', maxLength: 40})): fc.Arbitrary<string> {
	return fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), insert).map(([seed, a, b, text]) => {
		const start = a % (seed.length + 1);
		const end = start + (b % (seed.length + 1 - start));
		return seed.slice(0, start) + text + seed.slice(end);
	});
}

/** A real sample cut short at a random place: what an interrupted copy or download gives. */
export function truncated(seeds: readonly string[]): fc.Arbitrary<string> {
	return fc.tuple(fc.constantFrom(...seeds), fc.nat()).map(([seed, at]) => seed.slice(0, at % (seed.length + 1)));
}

/** Lines of a sample shuffled, duplicated or dropped: structure kept, order and counts broken. */
export function reshuffledLines(seeds: readonly string[]): fc.Arbitrary<string> {
	return fc.tuple(fc.constantFrom(...seeds), fc.array(fc.nat(), {maxLength: 60})).map(([seed, picks]) => {
		const lines = seed.split('\n');
		return picks.map(pick => lines[pick % lines.length]).join('\n');
	});
}

/** Any text, weighted towards what breaks parsers: control characters, lone surrogates, huge runs. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
	fc.string({unit: 'binary', maxLength: 300}),
	fc.string({unit: 'grapheme-ascii', maxLength: 300}),
	fc.string({unit: fc.constantFrom('\r', '\n', '\t', ' ', '"', '\'', '\\', '{', '}', ';', '#', '<', '>', ':', '=', '\0', '\u001B', '\uD800', 'a', '1'), maxLength: 200}),
	fc.tuple(fc.constantFrom('a', '{', '"', '\\', ' ', '\n', '['), fc.integer({min: 1000, max: 20_000})).map(([character, count]) => character.repeat(count)),
);

/** Raw bytes, including NUL and invalid UTF-8. */
export const anyBytes: fc.Arbitrary<Uint8Array> = fc.uint8Array({maxLength: 600});

/**
Runs `parse` and lets only the documented error through: an instance of `allowed` with a string `code` in
`codes` (when given) and a non-empty, one-line message. Anything else thrown fails the property.
*/
export function onlyTypedErrors<T>(parse: () => T, allowed: abstract new (...args: never[]) => Error, codes?: readonly string[]): T | undefined {
	let result: T;
	try {
		result = parse();
	} catch (error) {
		expect(error, `threw ${String(error)}`).toBeInstanceOf(allowed);
		const {code, message} = error as Error & {code?: unknown};
		expect(typeof code).toBe('string');
		if (codes) {
			expect(codes).toContain(code);
		}

		expect(message.trim()).not.toBe('');
		expect(message).not.toContain('\n');
		return undefined;
	}

	return result;
}
