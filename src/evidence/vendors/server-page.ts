import type {Finding, Vendor} from '../types.js';
import {vendorLabel} from './labels.js';
import type {Page} from './page.js';

/**
A web server's stock 403 page says only that the server itself refused. That is weak evidence for each of the
server-layer causes, and a pointer to the one place that says which: the server's error log.
*/
export function stockPageFinding(vendor: Vendor, page: Page, logHint: string): Finding {
	const path = (() => {
		try {
			return new URL(page.view.url).pathname;
		} catch {
			return '';
		}
	})();
	const folder = path.endsWith('/');
	return {
		code: `vendor.${vendor}.default-403`,
		text: `${vendorLabel[vendor]}'s own default 403 page answered: the web server itself refused, without saying why.`,
		vendor,
		supports: {'server-deny-rule': 0.15, 'file-permissions': 0.15, 'ip-allowlist': 0.1, 'directory-index-missing': folder ? 0.2 : 0.1},
		fix: {owner: [logHint, 'Then compare the server configuration for this path (deny/allow rules, index files) and the file permissions along it.']},
		mark: 'warn',
		data: {folder},
	};
}
