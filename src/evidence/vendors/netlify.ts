import {presentHeaders, seen, serverSignal} from './finding.js';
import {safeId, type Page} from './page.js';
import type {Sighting} from './types.js';

/** Netlify, fingerprint only: its request ID is what Netlify support asks for. */
export function readNetlify(page: Page): Sighting[] {
	const found = [...(page.server === 'netlify' ? [serverSignal(page.header('server'))] : []), ...presentHeaders(page.has, ['x-nf-request-id'])];
	if (found.length === 0) {
		return [];
	}

	const id = safeId(page.header('x-nf-request-id'));
	return [{vendor: 'netlify', layer: 'edge', claims: false, reference: id === undefined ? undefined : {name: 'Netlify request ID (x-nf-request-id)', value: id}, findings: [seen('netlify', 'edge', found)]}];
}
