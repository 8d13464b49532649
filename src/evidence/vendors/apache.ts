import type {Finding} from '../types.js';
import {seen, serverSignal} from './finding.js';
import type {Page} from './page.js';
import {stockPageFinding} from './server-page.js';
import type {Sighting} from './types.js';

const logHint = 'Look in Apache\'s error log (often /var/log/apache2/error.log or /var/log/httpd/error_log) for this path: the AH code on that line (AH01630 client denied by server configuration, AH01276 directory index forbidden, AH00035/AH00132 permissions…) says which cause it is.';

/** Apache httpd: "You don't have permission to access this resource." and the `<address>Apache… Server at` footer. */
export function readApache(page: Page): Sighting[] {
	const byServer = page.server.startsWith('apache');
	const footer = page.raw.includes('<address>apache');
	const stock = page.status === 403 && page.title === '403 forbidden' && page.lower.includes('you don\'t have permission to access')
		&& (byServer || footer || page.lower.includes('access this resource'));
	if (!byServer && !stock) {
		return [];
	}

	const findings: Finding[] = [seen('apache', 'origin', byServer ? [serverSignal(page.header('server'))] : ['Apache error page'])];
	if (!stock) {
		return [{vendor: 'apache', layer: 'origin', claims: false, findings}];
	}

	if (page.lower.includes('server unable to read htaccess file')) {
		findings.push({code: 'vendor.apache.htaccess-unreadable', text: 'Apache answered "Server unable to read htaccess file, denying access to be safe": it cannot read an .htaccess file on the path.',
			vendor: 'apache', supports: {'file-permissions': 0.7}, fix: {owner: ['Make the .htaccess files along the path readable by the server\'s user (e.g. chmod 644 .htaccess, and o+x on each folder above it).']}, mark: 'fail'});
	} else {
		findings.push(stockPageFinding('apache', page, logHint));
	}

	return [{vendor: 'apache', layer: 'origin', claims: true, kind: 'generic', findings}];
}
