/**
The URI nginx matches locations against: percent-decoded, `.`/`..` resolved, repeated slashes merged
(docs: "The matching is performed against a normalized URI"). Undefined when nginx would answer 400
(a `..` above the root, a decoded NUL).
*/
export function normalizeUri(rawPath: string): string | undefined {
	const decoded = percentDecode(rawPath);
	if (decoded === undefined || decoded.includes('\0')) {
		return undefined;
	}

	const segments: string[] = [];
	const parts = decoded.split('/');
	for (const [index, part] of parts.entries()) {
		if (part === '' || part === '.') {
			if (index === parts.length - 1) {
				segments.push('');
			}

			continue;
		}

		if (part === '..') {
			if (segments.length === 0) {
				return undefined;
			}

			segments.pop();
			if (index === parts.length - 1) {
				segments.push('');
			}

			continue;
		}

		segments.push(part);
	}

	return `/${segments.join('/')}`;
}

function percentDecode(text: string): string | undefined {
	// Bytes, not code points: nginx decodes %XX to bytes; the result is then read as UTF-8 like a file name.
	const bytes: number[] = [];
	for (let index = 0; index < text.length; index++) {
		const ch = text[index]!;
		if (ch === '%' && /^[\da-f]{2}$/i.test(text.slice(index + 1, index + 3))) {
			bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
			index += 2;
			continue;
		}

		bytes.push(...Buffer.from(ch, 'utf8'));
	}

	return Buffer.from(bytes).toString('utf8');
}
