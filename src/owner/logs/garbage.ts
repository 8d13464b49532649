/**
True for a line that is binary noise rather than log text: a NUL byte, or more than a quarter of it control
characters or U+FFFD (bytes that were not UTF-8). Servers escape odd bytes in requests (`\x16\x03…`),
so real log lines almost never trip this.
*/
export function isGarbageLine(line: string): boolean {
	if (line.includes('\u0000')) {
		return true;
	}

	let odd = 0;
	for (const character of line) {
		const code = character.codePointAt(0) ?? 0;
		if ((code < 0x20 && code !== 0x09) || code === 0x7F || code === 0xFF_FD) {
			odd++;
		}
	}

	return line.length > 0 && odd * 4 > line.length;
}
