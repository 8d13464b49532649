/** True when an `include` argument is a pattern (nginx checks for the same three characters). */
export function hasGlobMagic(pattern: string): boolean {
	return /[*?[]/.test(pattern);
}

/**
Whether `path` matches a glob(3) pattern as nginx's `include` uses it: `*`, `?` and `[…]` never cross a
`/`, and a leading dot in a name must be matched literally.
*/
export function matchGlob(pattern: string, path: string): boolean {
	const patternParts = pattern.split('/');
	const pathParts = path.split('/');
	if (patternParts.length !== pathParts.length) {
		return false;
	}

	return patternParts.every((part, index) => matchGlobSegment(part, pathParts[index]!));
}

/** Matches one path component against one pattern component. */
export function matchGlobSegment(pattern: string, name: string): boolean {
	if (name.startsWith('.') && !pattern.startsWith('.')) {
		return false;
	}

	return globSegmentRegExp(pattern).test(name);
}

function globSegmentRegExp(pattern: string): RegExp {
	let source = '';
	for (let index = 0; index < pattern.length; index++) {
		const ch = pattern[index]!;
		if (ch === '*') {
			source += '[^/]*';
		} else if (ch === '?') {
			source += '[^/]';
		} else if (ch === '[') {
			const close = pattern.indexOf(']', index + 2);
			if (close === -1) {
				source += '\\[';
				continue;
			}

			let body = pattern.slice(index + 1, close);
			const negate = body.startsWith('!') || body.startsWith('^');
			if (negate) {
				body = body.slice(1);
			}

			source += `[${negate ? '^' : ''}${body.replaceAll('\\', '\\\\').replaceAll(']', '\\]')}]`;
			index = close;
		} else {
			source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		}
	}

	return new RegExp(`^${source}$`);
}
