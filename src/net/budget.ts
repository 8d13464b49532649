/** How many requests each origin may still receive in this session. */
export type Budget = {
	/** Spends one request on the origin; false (and nothing spent) when its budget is used up. */
	take(origin: string): boolean;
	remaining(origin: string): number;
	/** Requests spent on all origins together. */
	spent(): number;
};

/**
A per-origin request budget. Politeness towards someone else's server is the point: the cap holds even when a
probe is redirected, because every hop is taken from the budget of the origin it goes to.
*/
export function createBudget(maxPerOrigin: number): Budget {
	const used = new Map<string, number>();
	let total = 0;
	return {
		take(origin) {
			const count = used.get(origin) ?? 0;
			if (count >= maxPerOrigin) {
				return false;
			}

			used.set(origin, count + 1);
			total++;
			return true;
		},
		remaining(origin) {
			return Math.max(0, maxPerOrigin - (used.get(origin) ?? 0));
		},
		spent() {
			return total;
		},
	};
}
