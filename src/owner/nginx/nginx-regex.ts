/**
Turns a PCRE pattern from a config into a JavaScript RegExp, or undefined when JavaScript cannot express
it (possessive quantifiers, atomic groups, …) — the caller then treats the match as unknown.
*/
export function nginxRegExp(pattern: string, caseless: boolean): RegExp | undefined {
	let source = pattern;
	let flags = caseless ? 'i' : '';
	// A leading (?i) is common in configs; JavaScript (before Node 23) has no inline flags.
	if (source.startsWith('(?i)')) {
		source = source.slice(4);
		flags = 'i';
	}

	source = source.replaceAll('(?P<', '(?<').replaceAll(/\\[AZz]/g, match => (match === '\\A' ? '^' : '$'));
	try {
		return new RegExp(source, flags);
	} catch {
		return undefined;
	}
}
