/** Hosts that asked us to come back later (a `Retry-After`), and until when. */
export type HostHolds = {
	/** Records a hold; an earlier end never shortens a longer one. */
	hold(host: string, until: number): void;
	/** The end of a hold that is still running at `now`, else undefined. */
	until(host: string, now: number): number | undefined;
};

/**
Keyed by host name, not origin: a rate limit is kept per host, whatever the scheme or port the next request
uses.
*/
export function createHostHolds(): HostHolds {
	const holds = new Map<string, number>();
	return {
		hold(host, until) {
			const key = host.toLowerCase();
			holds.set(key, Math.max(holds.get(key) ?? 0, until));
		},
		until(host, now) {
			const end = holds.get(host.toLowerCase());
			return end !== undefined && end > now ? end : undefined;
		},
	};
}
