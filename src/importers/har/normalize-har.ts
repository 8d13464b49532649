import {HarError} from './har-error.js';
import type {Har, HarContent, HarCookie, HarEntry, HarNameValue, HarRequest, HarResponse, HarTimings} from './har-types.js';

type Json = Record<string, unknown>;

/**
Checks the shape of parsed HAR JSON and fills what exporters often leave out (Safari, Firefox, Charles,
Fiddler and mitmproxy each skip some "required" field), so later code can rely on the types. Only what the
analysis cannot do without is required: `log.entries`, and each entry's `request.method`, `request.url` and
`response.status`. Errors name the path: `log.entries[3].request.url is missing`.
*/
export function normalizeHar(value: unknown, maxEntries: number): Har {
	const root = object(value, 'the top level');
	const log = object(root['log'], 'log');
	if (!Array.isArray(log['entries'])) {
		throw malformed('log.entries is missing or not a list');
	}

	const rawEntries = log['entries'] as unknown[];
	if (rawEntries.length > maxEntries) {
		throw new HarError('har-too-many-entries', `The HAR file has ${rawEntries.length} entries; at most ${maxEntries} are read. Export only the requests around the failure.`);
	}

	const creator = isObject(log['creator']) ? log['creator'] : {};
	return {
		log: {
			...log,
			version: typeof log['version'] === 'string' && log['version'] !== '' ? log['version'] : '1.1',
			creator: {...creator, name: text(creator['name']), version: text(creator['version'])},
			...(Array.isArray(log['pages']) ? {pages: (log['pages'] as unknown[]).filter(page => isObject(page)) as Har['log']['pages']} : {}),
			entries: rawEntries.map((entry, index) => normalizeEntry(entry, `log.entries[${index}]`)),
		},
	};
}

function normalizeEntry(value: unknown, path: string): HarEntry {
	const entry = object(value, path);
	const request = normalizeRequest(object(entry['request'], `${path}.request`), `${path}.request`);
	const response = normalizeResponse(object(entry['response'], `${path}.response`), `${path}.response`);
	const timings = isObject(entry['timings']) ? entry['timings'] : {};
	const normalTimings: HarTimings = {...timings, send: number(timings['send'], 0), wait: number(timings['wait'], 0), receive: number(timings['receive'], 0)};
	return {
		...entry,
		startedDateTime: text(entry['startedDateTime']),
		time: number(entry['time'], 0),
		request,
		response,
		cache: isObject(entry['cache']) ? entry['cache'] : {},
		timings: normalTimings,
	} as HarEntry;
}

function normalizeRequest(request: Json, path: string): HarRequest {
	if (typeof request['method'] !== 'string' || request['method'] === '') {
		throw malformed(`${path}.method is missing`);
	}

	if (typeof request['url'] !== 'string' || request['url'] === '') {
		throw malformed(`${path}.url is missing`);
	}

	return {
		...request,
		method: request['method'],
		url: request['url'],
		httpVersion: text(request['httpVersion']),
		cookies: cookies(request['cookies']),
		headers: pairs(request['headers']),
		queryString: pairs(request['queryString']),
		headersSize: number(request['headersSize'], -1),
		bodySize: number(request['bodySize'], -1),
		...(isObject(request['postData']) ? {postData: normalizePostData(request['postData'])} : {}),
	} as HarRequest;
}

/** `text` only as a string and `params` only as name/value pairs: later steps (redaction) rely on both. */
function normalizePostData(postData: Json): Json {
	const {text: body, params, ...rest} = postData;
	return {
		...rest,
		mimeType: text(postData['mimeType']),
		...(typeof body === 'string' ? {text: body} : {}),
		...(Array.isArray(params) ? {params: pairs(params)} : {}),
	};
}

function normalizeResponse(response: Json, path: string): HarResponse {
	const status = typeof response['status'] === 'string' ? Number(response['status']) : response['status'];
	if (typeof status !== 'number' || !Number.isInteger(status)) {
		throw malformed(`${path}.status is missing or not a number`);
	}

	const content: Json = isObject(response['content']) ? response['content'] : {};
	const {text: body, encoding, ...restContent} = content;
	const normalContent: HarContent = {
		...restContent,
		size: number(content['size'], 0),
		mimeType: text(content['mimeType']),
		...(typeof body === 'string' ? {text: body} : {}),
		...(typeof encoding === 'string' ? {encoding} : {}),
	};
	return {
		...response,
		status,
		statusText: text(response['statusText']),
		httpVersion: text(response['httpVersion']),
		cookies: cookies(response['cookies']),
		headers: pairs(response['headers']),
		content: normalContent,
		redirectURL: text(response['redirectURL']),
		headersSize: number(response['headersSize'], -1),
		bodySize: number(response['bodySize'], -1),
	} as HarResponse;
}

/** Name/value lists: items without a string name are dropped, values become strings. */
function pairs(value: unknown): HarNameValue[] {
	if (!Array.isArray(value)) {
		return [];
	}

	return value.filter(item => isObject(item) && typeof item['name'] === 'string').map(item => ({...item, name: item.name as string, value: text(item.value)}));
}

function cookies(value: unknown): HarCookie[] {
	return pairs(value) as HarCookie[];
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : (typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
}

function number(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isObject(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function object(value: unknown, path: string): Json {
	if (!isObject(value)) {
		throw malformed(`${path} is missing or not an object`);
	}

	return value;
}

function malformed(detail: string): HarError {
	return new HarError('har-malformed', `The HAR file is not valid: ${detail}.`);
}
