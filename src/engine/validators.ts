/** Validators a flow's text questions may name; each returns a reason when the answer is refused. */
export const validators: Readonly<Record<string, (value: string) => string | undefined>> = {
	url: value => checkUrl(value),
	path: value => (value.trim() === '' ? 'give a path' : value.includes('\0') ? 'a path cannot contain NUL' : undefined),
	'non-empty': value => (value.trim() === '' ? 'this needs an answer' : undefined),
	optional: () => undefined,
};

/** Why a string is not a URL fix403 can diagnose, or undefined when it is one. */
export function checkUrl(value: string): string | undefined {
	const text = value.trim();
	if (text === '') {
		return 'give the URL that answers 403 (for example https://example.com/path)';
	}

	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return /^[\w.-]+\.[a-z]{2,}(?:[/:?#]|$)/i.test(text) ? `"${text}" has no scheme: add https:// in front` : `"${text}" is not a valid URL`;
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return `unsupported scheme "${url.protocol.slice(0, -1)}": fix403 diagnoses http:// and https:// URLs`;
	}

	if (url.hostname === '') {
		return `"${text}" has no host`;
	}

	return undefined;
}
