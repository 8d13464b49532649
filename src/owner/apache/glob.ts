/**
Compiles an `apr_fnmatch` pattern (`*`, `?`, `[a-z]`, `[!x]`, `\x`) to a RegExp over a whole string. With
`pathname`, wildcards never match `/` (httpd matches `<Directory>`/`<Location>` wildcards that way); with
`period`, a leading `.` must be matched literally (how `Include *.conf` skips dot files).
*/
export function fnmatchRegExp(pattern: string, options: {pathname?: boolean; period?: boolean; caseless?: boolean} = {}): RegExp {
	const any = options.pathname ? '[^/]' : '[\\s\\S]';
	let source = '';
	for (let index = 0; index < pattern.length; index++) {
		const character = pattern[index] ?? '';
		if (character === '*') {
			source += `${any}*`;
		} else if (character === '?') {
			source += any;
		} else if (character === '[') {
			const end = pattern.indexOf(']', index + 2);
			if (end === -1) {
				source += '\\[';
				continue;
			}

			let body = pattern.slice(index + 1, end);
			const negate = body.startsWith('!') || body.startsWith('^');
			body = (negate ? body.slice(1) : body).replaceAll('\\', '\\\\').replaceAll(']', '\\]');
			source += negate ? `[^${body}${options.pathname ? '/' : ''}]` : `[${body}]`;
			index = end;
		} else if (character === '\\' && index + 1 < pattern.length) {
			index++;
			source += escapeRegExp(pattern[index] ?? '');
		} else {
			source += escapeRegExp(character);
		}
	}

	const lead = options.period && !pattern.startsWith('.') ? '(?!\\.)' : '';
	return new RegExp(`^${lead}${source}$`, options.caseless ? 'i' : '');
}

/** Whether a name matches an `apr_fnmatch` pattern. */
export function fnmatch(pattern: string, name: string, options?: Parameters<typeof fnmatchRegExp>[1]): boolean {
	return fnmatchRegExp(pattern, options).test(name);
}

/** httpd's `apr_fnmatch_test`: does the string hold wildcard characters at all? */
export function hasWildcard(pattern: string): boolean {
	return /[*?[]/.test(pattern);
}

export function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
