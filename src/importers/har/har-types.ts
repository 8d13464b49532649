/*
HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/; REFERENCE.md §4). Fields marked optional in the
spec are optional here; `_`-prefixed custom fields (Chrome's `_initiator`, `_resourceType`…, our `_fix403`)
are kept as they come.
*/

export type HarNameValue = {name: string; value: string; comment?: string};

export type HarCookie = {
	name: string;
	value: string;
	path?: string;
	domain?: string;
	expires?: string | null;
	httpOnly?: boolean;
	secure?: boolean;
	comment?: string;
};

export type HarPostData = {
	mimeType: string;
	text?: string;
	params?: Array<{name: string; value?: string; fileName?: string; contentType?: string; comment?: string}>;
	comment?: string;
};

export type HarRequest = {
	method: string;
	url: string;
	httpVersion: string;
	cookies: HarCookie[];
	headers: HarNameValue[];
	queryString: HarNameValue[];
	postData?: HarPostData;
	headersSize: number;
	bodySize: number;
	comment?: string;
};

export type HarContent = {
	size: number;
	compression?: number;
	mimeType: string;
	text?: string;
	encoding?: string;
	comment?: string;
};

export type HarResponse = {
	status: number;
	statusText: string;
	httpVersion: string;
	cookies: HarCookie[];
	headers: HarNameValue[];
	content: HarContent;
	redirectURL: string;
	headersSize: number;
	bodySize: number;
	comment?: string;
};

export type HarTimings = {
	blocked?: number;
	dns?: number;
	connect?: number;
	send: number;
	wait: number;
	receive: number;
	ssl?: number;
	comment?: string;
};

/** Keyed HMACs (random key per import) of each credential: equal within one HAR means the same value. */
export type HarFingerprints = {readonly authorization?: string; readonly cookies: Readonly<Record<string, string>>};

/** fix403's custom entry field: credential fingerprints on import, the probe it came from on export. */
export type HarFix403Fields = {
	readonly fingerprints?: HarFingerprints;
	readonly probe?: {readonly id: string; readonly label: string; readonly curl: string; readonly error?: {readonly code: string; readonly message: string}};
};

/** What `parseHar` learnt from an entry's credentials before redacting them; never the values themselves. */
export type HarCredentialNotes = HarFix403Fields & {readonly fingerprints: HarFingerprints};

export type HarEntry = {
	pageref?: string;
	startedDateTime: string;
	time: number;
	request: HarRequest;
	response: HarResponse;
	cache: Record<string, unknown>;
	timings: HarTimings;
	serverIPAddress?: string;
	connection?: string;
	comment?: string;
	_fix403?: HarFix403Fields;
	[custom: `_${string}`]: unknown;
};

export type HarPage = {
	startedDateTime: string;
	id: string;
	title: string;
	pageTimings: {onContentLoad?: number; onLoad?: number; comment?: string};
	comment?: string;
	[custom: `_${string}`]: unknown;
};

export type HarLog = {
	version: string;
	creator: {name: string; version: string; comment?: string};
	browser?: {name: string; version: string; comment?: string};
	pages?: HarPage[];
	entries: HarEntry[];
	comment?: string;
	[custom: `_${string}`]: unknown;
};

export type Har = {log: HarLog};
