/** One query parameter, name and value percent-decoded (a literal `+` stays `+`: it is base64 in signatures). */
export type QueryParam = {readonly name: string; readonly value: string};

const maxUrl = 65_536;
const maxParams = 256;

function decode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Case-insensitive view of a URL's query string. */
export class Query {
	readonly all: readonly QueryParam[];
	private readonly byName = new Map<string, QueryParam>();

	constructor(search: string) {
		const params: QueryParam[] = [];
		for (const pair of search.replace(/^\?/, '').split('&').slice(0, maxParams)) {
			if (pair === '') {
				continue;
			}

			const equals = pair.indexOf('=');
			const name = decode(equals < 0 ? pair : pair.slice(0, equals));
			const param = {name, value: equals < 0 ? '' : decode(pair.slice(equals + 1))};
			params.push(param);
			const key = name.toLowerCase();
			if (!this.byName.has(key)) {
				this.byName.set(key, param);
			}
		}

		this.all = params;
	}

	/** First value of a parameter, name matched case-insensitively. */
	get(name: string): string | undefined {
		return this.byName.get(name.toLowerCase())?.value;
	}

	has(name: string): boolean {
		return this.byName.has(name.toLowerCase());
	}

	/** The name as the URL spells it. */
	spelling(name: string): string {
		return this.byName.get(name.toLowerCase())?.name ?? name;
	}

	/** The given parameters that are present, by their spelling in the URL; secret values replaced. */
	pick(names: readonly string[], secret: readonly string[]): Record<string, string> {
		const secretKeys = new Set(secret.map(name => name.toLowerCase()));
		const picked: Array<[string, string]> = [];
		for (const name of names) {
			const param = this.byName.get(name.toLowerCase());
			if (param) {
				picked.push([param.name, secretKeys.has(name.toLowerCase()) ? '[redacted]' : param.value.slice(0, 512)]);
			}
		}

		return Object.fromEntries(picked);
	}
}

/** The host (lower case) and query of a URL; tolerates a bare query string or an unparsable URL. */
export function splitUrl(url: string): {host: string; protocol: string; query: Query} {
	const text = typeof url === 'string' ? url.slice(0, maxUrl) : '';
	try {
		const parsed = new URL(text);
		return {host: parsed.hostname.toLowerCase(), protocol: parsed.protocol, query: new Query(parsed.search)};
	} catch {
		const mark = text.indexOf('?');
		return {host: '', protocol: '', query: new Query(mark < 0 ? text : text.slice(mark + 1))};
	}
}

/** A whole number of seconds, or undefined. */
export function integer(value: string | undefined): number | undefined {
	if (value === undefined || !/^\s*-?\d{1,16}\s*$/.test(value)) {
		return undefined;
	}

	return Number(value);
}

/** `20260911T234844Z` (AWS/GCS basic ISO 8601) → ms, or undefined. */
export function basicIsoTime(value: string | undefined): number | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value?.trim() ?? '');
	if (!match) {
		return undefined;
	}

	const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
		return undefined;
	}

	return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** Epoch seconds (or milliseconds, by magnitude) as text → ms, or undefined. */
export function epochTime(value: string | undefined): number | undefined {
	const number = integer(value);
	if (number === undefined || number <= 0) {
		return undefined;
	}

	return number > 1e11 ? number : number * 1000;
}
