import type {HeaderMap} from './types.js';

/** First value of a header (names are matched case-insensitively), or undefined. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
	return headerValues(headers, name)[0];
}

/** Every value of a header, in order; `Set-Cookie` keeps one entry per cookie. */
export function headerValues(headers: HeaderMap, name: string): string[] {
	const wanted = name.toLowerCase();
	const values: string[] = [];
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) {
			continue;
		}

		values.push(...(Array.isArray(value) ? value : [value]));
	}

	return values;
}

export function hasHeader(headers: HeaderMap, name: string): boolean {
	return headerValues(headers, name).length > 0;
}
