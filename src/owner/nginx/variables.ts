/** Variable values known for a request; `undefined` means "cannot be known from here". */
export type VariableLookup = (name: string) => string | undefined;

const reference = /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*|\d))/g;

/** Names of the variables a value refers to (`$uri`, `${host}`, `$1`). */
export function variablesIn(template: string): string[] {
	return [...template.matchAll(reference)].map(match => match[1] ?? match[2]!);
}

/** Fills the variables of a value, or undefined when one of them is unknown. */
export function interpolate(template: string, lookup: VariableLookup): string | undefined {
	let unknown = false;
	const result = template.replaceAll(reference, (_whole, braced: string | undefined, plain: string | undefined) => {
		const value = lookup(braced ?? plain!);
		if (value === undefined) {
			unknown = true;
			return '';
		}

		return value;
	});
	return unknown ? undefined : result;
}
