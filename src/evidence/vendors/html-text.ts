/** Longest body excerpt the readers look at; the probe already bounds it, this keeps the readers honest. */
export const maxBodyChars = 256 * 1024;

const named: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: '\'',
	nbsp: ' ',
	bull: '•',
	middot: '·',
	hellip: '…',
	rsquo: '\'',
	lsquo: '\'',
	ldquo: '"',
	rdquo: '"',
	ndash: '–',
	mdash: '—',
	copy: '©',
	raquo: '»',
	laquo: '«',
	quest: '?',
	num: '#',
	colon: ':',
	sol: '/',
	period: '.',
};

/** Decodes named and numeric character references; Akamai writes whole sentences as `&#58;`, `&#46;`… */
export function decodeEntities(text: string): string {
	return text.replaceAll(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
		if (ref.startsWith('#')) {
			const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
			return code > 0 && code <= 0x10_FF_FF && (code < 0xD8_00 || code > 0xDF_FF) ? String.fromCodePoint(code) : whole;
		}

		return named[ref.toLowerCase()] ?? whole;
	});
}

/** Removes `<script>`/`<style>` elements with their content, in one pass (no backtracking regex). */
function dropScripts(html: string, lower: string): string {
	let out = '';
	let index = 0;
	let nextScript = lower.indexOf('<script', index);
	let nextStyle = lower.indexOf('<style', index);
	while (index < html.length) {
		if (nextScript !== -1 && nextScript < index) {
			nextScript = lower.indexOf('<script', index);
		}

		if (nextStyle !== -1 && nextStyle < index) {
			nextStyle = lower.indexOf('<style', index);
		}

		const isScript = nextScript !== -1 && (nextStyle === -1 || nextScript < nextStyle);
		const start = isScript ? nextScript : nextStyle;
		if (start === -1) {
			out += html.slice(index);
			break;
		}

		out += html.slice(index, start) + ' ';
		const end = lower.indexOf(isScript ? '</script' : '</style', start);
		const close = end === -1 ? -1 : lower.indexOf('>', end);
		index = close === -1 ? html.length : close + 1;
	}

	return out;
}

/** Replaces tags and comments by spaces, linearly: a stray `<` without `>` ends tag stripping. */
function dropTags(html: string): string {
	let out = '';
	let index = 0;
	while (index < html.length) {
		const open = html.indexOf('<', index);
		if (open === -1) {
			out += html.slice(index);
			break;
		}

		out += html.slice(index, open) + ' ';
		const isComment = html.startsWith('<!--', open);
		const close = isComment ? html.indexOf('-->', open + 4) : html.indexOf('>', open + 1);
		if (close === -1) {
			out += isComment ? '' : html.slice(open);
			break;
		}

		index = close + (isComment ? 3 : 1);
	}

	return out;
}

/** Typographic quotes and non-breaking spaces as plain ASCII, so `don’t` matches `don't`. */
function plainPunctuation(text: string): string {
	return text.replaceAll(/[‘’]/g, '\'').replaceAll(/[“”]/g, '"').replaceAll(/\s+/g, ' ').trim();
}

/** The readable text of an HTML (or plain) body: no scripts, styles or tags; entities decoded; spaces collapsed. */
export function visibleText(body: string): string {
	const bounded = body.slice(0, maxBodyChars);
	return plainPunctuation(decodeEntities(dropTags(dropScripts(bounded, bounded.toLowerCase()))));
}

/** The `<title>` text, decoded and collapsed, or '' when there is none. */
export function titleOf(body: string): string {
	const lower = body.slice(0, maxBodyChars).toLowerCase();
	const open = lower.indexOf('<title');
	const start = open === -1 ? -1 : lower.indexOf('>', open);
	const end = start === -1 ? -1 : lower.indexOf('</title', start);
	if (end === -1) {
		return '';
	}

	return plainPunctuation(decodeEntities(body.slice(start + 1, Math.min(end, start + 1 + 1000)))).slice(0, 300);
}
