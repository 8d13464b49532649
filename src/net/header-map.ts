import type {HeaderMap} from '../evidence/types.js';

/**
Builds a HeaderMap from Node's `rawHeaders` (name, value, name, value…): names lower-cased, a header sent more
than once keeps every value in order. Node's own `headers` object joins repeats with commas, which would
merge two `WWW-Authenticate` challenges into one ambiguous line.
*/
export function headerMapFromRaw(rawHeaders: readonly string[]): HeaderMap {
	// No prototype: a header named `__proto__` is a header like any other, not a way to reach Object.prototype.
	const map = Object.create(null) as HeaderMap;
	for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
		const name = rawHeaders[index]!.toLowerCase();
		const value = rawHeaders[index + 1]!;
		const previous = map[name];
		if (previous === undefined) {
			map[name] = value;
		} else if (Array.isArray(previous)) {
			previous.push(value);
		} else {
			map[name] = [previous, value];
		}
	}

	return map;
}
