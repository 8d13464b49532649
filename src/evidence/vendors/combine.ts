import type {Finding, Vendor} from '../types.js';
import {pathRank} from './labels.js';
import type {Sighting, VendorReading} from './types.js';

/** The strongest support any of a sighting's findings lends: how sure it is about the refusal it claims. */
export function strength(sighting: Sighting): number {
	let best = 0;
	for (const finding of sighting.findings) {
		for (const weight of Object.values(finding.supports ?? {})) {
			best = Math.max(best, weight ?? 0);
		}
	}

	return best;
}

/** Bot managers sit at the edge, next to the CDN that runs them; vendor-less page wording comes last. */
function rank(sighting: Sighting): number {
	if (sighting.vendor !== undefined) {
		return pathRank[sighting.vendor];
	}

	return sighting.layer === 'bot-manager' ? 15 : 100;
}

/** The best of `candidates`: strongest first, then the more specific (further along the path). */
function best(candidates: readonly Sighting[]): Sighting | undefined {
	let chosen: Sighting | undefined;
	for (const candidate of candidates) {
		if (chosen === undefined || strength(candidate) > strength(chosen) || (strength(candidate) === strength(chosen) && rank(candidate) > rank(chosen))) {
			chosen = candidate;
		}
	}

	return chosen;
}

/**
Turns what each module saw into one reading. The producer is the most convincing module that recognised the
refusal as its own, origin servers aside: their stock pages never outrank an edge the response came through, so
an nginx 403 behind Cloudflare reads as vendor `cloudflare` with the kind of nginx's page. Without a producer
the vendor is the outermost edge, else the origin server whose page it is, else the object store that answered.
*/
export function combine(sightings: readonly Sighting[]): VendorReading {
	const ordered = [...sightings].sort((a, b) => rank(a) - rank(b));
	const via: Vendor[] = [];
	for (const sighting of ordered) {
		if (sighting.vendor !== undefined && !via.includes(sighting.vendor)) {
			via.push(sighting.vendor);
		}
	}

	const claimers = ordered.filter(sighting => sighting.claims);
	const producer = best(claimers.filter(sighting => sighting.layer !== 'origin' && sighting.layer !== 'page'));
	const edge = ordered.find(sighting => sighting.layer === 'edge' && sighting.vendor !== undefined);
	const origin = best(claimers.filter(sighting => sighting.layer === 'origin'));
	// An object store names itself in its own headers, so when nothing else speaks it is the one that answered.
	const storage = ordered.find(sighting => sighting.layer === 'storage');
	const vendor = producer?.vendor ?? edge?.vendor ?? origin?.vendor ?? storage?.vendor;
	const kindSource = producer ?? best(claimers.filter(sighting => sighting.kind !== undefined));
	const reference = producer?.reference ?? ordered.find(sighting => sighting.reference !== undefined)?.reference;
	const findings: Finding[] = ordered.flatMap(sighting => sighting.findings);
	return {vendor, via, kind: kindSource?.kind, reference, findings};
}
