import type {Finding, Vendor} from '../types.js';

/** What sort of refusal a response says it is, in the vendor's own terms. */
export type BlockKind =
	| 'challenge'
	| 'rule-block'
	| 'bot-block'
	| 'rate-limit'
	| 'geo-block'
	| 'ip-block'
	| 'hotlink'
	| 'auth-required'
	| 'wrong-url'
	| 'tls'
	| 'directory-listing'
	| 'method'
	| 'generic';

/** An identifier the vendor prints so its logs can be searched: Ray ID, Reference #, incident ID… */
export type VendorReference = {
	/** How the vendor names it, e.g. `Cloudflare Ray ID`. */
	readonly name: string;
	readonly value: string;
};

/** What `readVendor` concludes about one response. */
export type VendorReading = {
	/**
	Who produced the response: the most specific vendor that recognised the refusal as its own (`aws-waf` over
	`aws-cloudfront`); otherwise the outermost edge it passed through; otherwise the origin server whose own
	error page it is.
	*/
	readonly vendor?: Vendor;
	/** Every vendor seen in the path, outermost first (e.g. `['cloudflare', 'nginx']`). */
	readonly via: Vendor[];
	/** What sort of refusal the page or headers say it is. */
	readonly kind?: BlockKind;
	readonly reference?: VendorReference;
	/** Codes are `vendor.<vendor>.<what>`; vendor-less page texts use `vendor.generic.<what>`. */
	readonly findings: Finding[];
};

/**
Where a vendor sits on the way to the resource; decides who "produced" a refusal. Origin servers' own pages
never outrank an edge they were served through; storage services are only fingerprinted here.
*/
export type Layer = 'edge' | 'waf' | 'gateway' | 'bot-manager' | 'origin' | 'storage' | 'page';

/** What one fingerprint module saw in a response. Internal to this folder. */
export type Sighting = {
	/** Undefined for bot managers outside the `Vendor` list and for vendor-less page texts. */
	readonly vendor?: Vendor;
	readonly layer: Layer;
	/** True when the module recognised the refusal itself (its block page, its mitigation header). */
	readonly claims: boolean;
	readonly kind?: BlockKind;
	readonly reference?: VendorReference;
	readonly findings: readonly Finding[];
};
