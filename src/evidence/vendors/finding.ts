import type {Finding, Vendor} from '../types.js';
import {vendorLabel} from './labels.js';
import type {Layer} from './types.js';

/** The finding that says a vendor was in the path, with the signals that showed it (names, never cookie values). */
export function seen(vendor: Vendor, layer: Layer, signals: readonly string[]): Finding {
	const label = vendorLabel[vendor];
	const how = signals.join(', ');
	const text = layer === 'origin'
		? `The response names ${label} as the web server (${how}).`
		: (layer === 'storage' ? `The response comes from ${label} (${how}).` : `The response came through ${label} (${how}).`);
	return {code: `vendor.${vendor}.seen`, text, vendor, mark: 'info', data: {signals: [...signals]}};
}

/** `server: <value>` for a signal list, bounded so a hostile header cannot flood the report. */
export function serverSignal(server: string): string {
	return `server: ${server.slice(0, 60)}`;
}

/** Signals from a list of header names that are present. */
export function presentHeaders(has: (name: string) => boolean, names: readonly string[]): string[] {
	return names.filter(name => has(name));
}

/** Cookie names from `names` the response sets (exact or prefix when the name ends with `*`). */
export function presentCookies(cookies: readonly string[], names: readonly string[]): string[] {
	return names.filter(name => cookies.some(cookie => (name.endsWith('*') ? cookie.startsWith(name.slice(0, -1)) : cookie === name)))
		.map(name => `cookie ${name}`);
}
