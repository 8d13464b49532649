import {Buffer} from 'node:buffer';
import {isSecretParamName, redactedMarker} from '../../report/redact/secret-names.js';
import type {Redactor} from '../../report/redact/index.js';
import type {Har, HarContent, HarCookie, HarEntry, HarNameValue, HarPostData} from './har-types.js';

/**
A redacted copy of the HAR: URLs (request, `redirectURL`, `queryString`), headers by name, cookie values
(names and attributes stay), form parameters, post bodies, response bodies (decoded from base64 when textual,
and encoded back), comments and every custom `_` field. Binary bodies (images, fonts) are left as they are.
*/
export function redactHar(har: Har, redactor: Redactor): Har {
	const {entries, ...log} = har.log;
	return {log: {...(deepText(log, redactor) as Omit<Har['log'], 'entries'>), entries: entries.map(entry => redactEntry(entry, redactor))}};
}

function redactEntry(entry: HarEntry, redactor: Redactor): HarEntry {
	const {request, response, _fix403: notes, ...rest} = entry;
	const {url, headers, cookies, queryString, postData, ...requestRest} = request;
	const {headers: responseHeaders, cookies: responseCookies, content, redirectURL, ...responseRest} = response;
	return {
		...(deepText(rest, redactor) as Omit<HarEntry, 'request' | 'response'>),
		...(notes ? {_fix403: notes} : {}),
		request: {
			...(deepText(requestRest, redactor) as typeof requestRest),
			url: redactor.url(url),
			headers: redactHeaders(headers, redactor),
			cookies: redactCookies(cookies, redactor),
			queryString: queryString.map(item => ({...item, value: item.value !== '' && isSecretParamName(item.name) ? redactedMarker : redactor.text(item.value)})),
			...(postData ? {postData: redactPostData(postData, redactor)} : {}),
		},
		response: {
			...(deepText(responseRest, redactor) as typeof responseRest),
			headers: redactHeaders(responseHeaders, redactor),
			cookies: redactCookies(responseCookies, redactor),
			content: redactContent(content, redactor),
			redirectURL: redactor.url(redirectURL),
		},
	};
}

function redactHeaders(headers: readonly HarNameValue[], redactor: Redactor): HarNameValue[] {
	return headers.map(header => ({...header, value: redactor.headerValue(header.name, header.value)}));
}

function redactCookies(cookies: readonly HarCookie[], redactor: Redactor): HarCookie[] {
	return cookies.map(cookie => ({...(deepText(cookie, redactor) as HarCookie), name: cookie.name, value: cookie.value === '' ? '' : redactedMarker}));
}

function redactPostData(postData: HarPostData, redactor: Redactor): HarPostData {
	const form = /x-www-form-urlencoded/i.test(postData.mimeType);
	return {
		...postData,
		...(postData.text === undefined ? {} : {text: form ? redactor.query(postData.text) : redactor.text(postData.text)}),
		...(postData.params ? {params: postData.params.map(param => ({...param, ...(param.value === undefined ? {} : {value: param.value !== '' && isSecretParamName(param.name) ? redactedMarker : redactor.text(param.value)})}))} : {}),
	};
}

const textualMime = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript|x-www-form-urlencoded|problem\+json)|image\/svg)/i;

function redactContent(content: HarContent, redactor: Redactor): HarContent {
	const {text} = content;
	if (text === undefined || text === '') {
		return content;
	}

	const textual = textualMime.test(content.mimeType) || content.mimeType === '';
	if (content.encoding === 'base64') {
		if (!textual) {
			return content;
		}

		const decoded = Buffer.from(text, 'base64').toString('utf8');
		const redacted = redactor.text(decoded);
		return redacted === decoded ? content : {...content, text: Buffer.from(redacted, 'utf8').toString('base64')};
	}

	return {...content, text: redactor.text(text)};
}

/** Every string in a value of unknown shape (custom fields, comments), redacted as text. */
function deepText(value: unknown, redactor: Redactor, depth = 0): unknown {
	if (typeof value === 'string') {
		return redactor.text(value);
	}

	if (depth > 32 || value === null || typeof value !== 'object') {
		return value;
	}

	if (Array.isArray(value)) {
		return value.map(item => deepText(item, redactor, depth + 1));
	}

	return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deepText(item, redactor, depth + 1)]));
}
