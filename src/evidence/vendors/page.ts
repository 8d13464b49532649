import {headerValue, headerValues} from '../headers.js';
import type {ResponseView} from '../types.js';
import {maxBodyChars, titleOf, visibleText} from './html-text.js';

/** One response, prepared once for every fingerprint module: bounded, decoded, lower-cased where matching needs it. */
export type Page = {
	readonly view: ResponseView;
	readonly status: number;
	/** First value of a header, trimmed; '' when absent. */
	readonly header: (name: string) => string;
	readonly has: (name: string) => boolean;
	/** Lower-case names of the cookies the response sets (values are never kept: they may be secrets). */
	readonly cookies: readonly string[];
	/** The `server` header, lower case. */
	readonly server: string;
	/** The bounded body, lower case: for markup and script markers. */
	readonly raw: string;
	/** Readable text with entities decoded, original case: for extracting ids. */
	readonly text: string;
	/** `text` in lower case: for phrase matching. */
	readonly lower: string;
	/** `<title>` in lower case. */
	readonly title: string;
	readonly bodyLength: number;
};

function cookieName(setCookie: string): string {
	const equals = setCookie.indexOf('=');
	return (equals === -1 ? setCookie : setCookie.slice(0, equals)).trim().toLowerCase();
}

export function makePage(view: ResponseView): Page {
	const body = view.body.slice(0, maxBodyChars);
	const text = visibleText(body);
	return {
		view,
		status: view.status,
		header: name => (headerValue(view.headers, name) ?? '').trim(),
		has: name => headerValues(view.headers, name).length > 0,
		cookies: headerValues(view.headers, 'set-cookie').flatMap(value => value.split(/\n/)).map(value => cookieName(value)).filter(Boolean),
		server: (headerValue(view.headers, 'server') ?? '').trim().toLowerCase(),
		raw: body.toLowerCase(),
		text,
		lower: text.toLowerCase(),
		title: titleOf(body).toLowerCase(),
		bodyLength: body.length,
	};
}

/** Statuses a refusal comes with; a 2xx/3xx page never counts as a block just for mentioning words. */
export function isRefusal(page: Page): boolean {
	return page.status >= 400;
}

/** A refusal that is not "not found": 404/410 pages may discuss blocks without being one. */
export function isBlockStatus(page: Page): boolean {
	return page.status >= 400 && page.status !== 404 && page.status !== 410;
}

/** The first capture of `pattern` in `text`, bounded to a safe id shape; undefined when absent or odd. */
export function capture(text: string, pattern: RegExp, shape = /^[\w.:=+/-]{1,120}$/): string | undefined {
	const value = pattern.exec(text)?.[1];
	return value !== undefined && shape.test(value) ? value : undefined;
}

/** A header value fit to show as a reference (bounded, no control characters). */
export function safeId(value: string): string | undefined {
	return /^[\w.:=+/@ -]{1,120}$/.test(value) ? value : undefined;
}
