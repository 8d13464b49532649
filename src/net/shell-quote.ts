/** Quotes one word for a POSIX shell: inside single quotes nothing is special, and `'` is written `'\''`. */
export function shellQuote(word: string): string {
	return `'${word.replaceAll('\'', '\'\\\'\'')}'`;
}
