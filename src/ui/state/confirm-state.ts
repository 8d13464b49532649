/** The answer a key gives to a yes/no question: y or n, Enter takes the default; anything else none. */
export function confirmKey(input: string, isReturn: boolean, fallback: string | undefined): 'yes' | 'no' | undefined {
	if (isReturn) {
		return fallback === 'yes' || fallback === 'no' ? fallback : undefined;
	}

	const key = input.toLowerCase();
	return key === 'y' ? 'yes' : key === 'n' ? 'no' : undefined;
}
