import {quoteShellWord, splitShellWords, detectShellFlavour} from '../../text/shell-words.js';
import type {RedactContext} from './context.js';
import {redactCookieHeader, redactHeaderValue} from './redact-header-value.js';
import {redactedMarker} from './secret-names.js';

type WordRule = (value: string, context: RedactContext) => string;

const headerRule: WordRule = (value, context) => {
	const colon = value.indexOf(':');
	if (colon <= 0 || value.startsWith('@')) {
		return context.text(value);
	}

	return value.slice(0, colon + 1) + redactHeaderValue(value.slice(0, colon), value.slice(colon + 1), context);
};

/** `user:password` → `user:[redacted]`; a bare user makes curl prompt, nothing to hide. */
const userRule: WordRule = (value, context) => {
	const colon = value.indexOf(':');
	return colon === -1 ? context.text(value) : `${value.slice(0, colon)}:${redactedMarker}`;
};

/** With `=` it is a cookie string; without, a cookie file name. */
const cookieRule: WordRule = (value, context) => value.includes('=') ? context.scrub(redactCookieHeader(value)) : value;
const secretRule: WordRule = value => value === '' ? value : redactedMarker;
const urlRule: WordRule = (value, context) => context.url(value);

/** What follows each curl option that can carry a secret. */
const rules = new Map<string, WordRule>([
	['-H', headerRule],
	['--header', headerRule],
	['--proxy-header', headerRule],
	['-b', cookieRule],
	['--cookie', cookieRule],
	['-u', userRule],
	['--user', userRule],
	['-U', userRule],
	['--proxy-user', userRule],
	['--oauth2-bearer', secretRule],
	['--pass', secretRule],
	['--proxy-pass', secretRule],
	['-e', urlRule],
	['--referer', urlRule],
	['--url', urlRule],
	['-x', urlRule],
	['--proxy', urlRule],
]);

/**
Redacts a curl command word by word, so the command still parses and runs once the user puts their secret
back: header values by name, cookie values, `-u` passwords, bearer options, URLs (positional, `--url`,
`-e`), bodies and everything else as text. Words that change are re-quoted in the command's own shell flavour;
the rest stays as written.
*/
export function redactCurl(command: string, context: RedactContext): string {
	const flavour = detectShellFlavour(command);
	const words = splitShellWords(command, flavour);
	let out = '';
	let last = 0;
	for (const [index, word] of words.entries()) {
		if (word.operator) {
			continue;
		}

		const previous = words[index - 1];
		const rule = previous && !previous.operator ? rules.get(previous.value) : undefined;
		const attached = /^(-[Hbu])(.+)$/.exec(word.value);
		let value: string;
		if (rule) {
			value = rule(word.value, context);
		} else if (attached && rules.has(attached[1]!)) {
			value = attached[1]! + rules.get(attached[1]!)!(attached[2]!, context);
		} else {
			value = context.text(word.value);
		}

		if (value !== word.value) {
			out += command.slice(last, word.start) + quoteShellWord(value, flavour);
			last = word.end;
		}
	}

	return context.scrub(out + command.slice(last));
}
