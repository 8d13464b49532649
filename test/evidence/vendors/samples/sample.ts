import type {CauseId} from '../../../../src/diagnosis/cause-ids.js';
import type {HeaderMap, ResponseView, Vendor} from '../../../../src/evidence/types.js';
import type {BlockKind, VendorReference} from '../../../../src/evidence/vendors/index.js';

/** A response as a vendor really sends it, with what `readVendor` must conclude from it. */
export type Sample = {
	readonly name: string;
	/** Where the sample comes from: a capture in a public repository (search-corpus id), an issue, or vendor docs. */
	readonly source: string;
	readonly url?: string;
	readonly method?: string;
	readonly status: number;
	/** Header names as the vendor writes them; `set-cookie` may repeat. */
	readonly headers: Readonly<Record<string, string | string[]>>;
	readonly body: string;
	readonly expect: {
		readonly vendor?: Vendor;
		readonly via: readonly Vendor[];
		readonly kind?: BlockKind;
		readonly reference?: VendorReference;
		/** Each cause must get at least this weight from some finding. */
		readonly causes?: Partial<Record<CauseId, number>>;
		/** No finding may lend any cause more than this: weak or negative samples. */
		readonly maxWeight?: number;
		/** Finding codes that must be present. */
		readonly codes?: readonly string[];
	};
};

/** The view a probe would build: header names lower case, repeated headers kept. */
export function viewOf(sample: Sample): ResponseView {
	const headers: Record<string, string | string[]> = {};
	for (const [name, value] of Object.entries(sample.headers)) {
		const key = name.toLowerCase();
		const previous = headers[key];
		const values = Array.isArray(value) ? value : [value];
		headers[key] = previous === undefined ? (values.length === 1 ? values[0]! : values) : [...(Array.isArray(previous) ? previous : [previous]), ...values];
	}

	return {url: sample.url ?? 'https://www.example.com/', method: sample.method ?? 'GET', status: sample.status, headers: headers as HeaderMap, body: sample.body};
}
