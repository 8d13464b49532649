/** Polls `check` until it returns something truthy, then returns it; fails after a generous timeout. */
export async function waitFor<T>(
	check: () => T | undefined | null | false,
	options: {timeoutMs?: number; intervalMs?: number; describe?: () => string} = {},
): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 15_000;
	const intervalMs = options.intervalMs ?? 10;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = check();
		if (value) {
			return value;
		}

		if (Date.now() > deadline) {
			throw new Error(`waitFor: gave up after ${timeoutMs} ms${options.describe ? `\n${options.describe()}` : ''}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, intervalMs);
		});
	}
}

/** Waits until `read()` (a frame, a captured pane) contains `expected`; returns what it read. */
export async function waitForText(read: () => string, expected: string | RegExp, options: {timeoutMs?: number} = {}): Promise<string> {
	let last = '';
	return waitFor(
		() => {
			last = read();
			return (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) ? last : undefined;
		},
		{...options, describe: () => `expected ${String(expected)} in:\n${last}`},
	);
}
