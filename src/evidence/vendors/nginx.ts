import type {Finding} from '../types.js';
import {seen, serverSignal} from './finding.js';
import type {Page} from './page.js';
import {stockPageFinding} from './server-page.js';
import type {Sighting} from './types.js';

/** nginx (and OpenResty): its stock pages end with `<hr><center>nginx…</center>` even with server_tokens off. */
export function readNginx(page: Page): Sighting[] {
	const byServer = page.server.startsWith('nginx') || page.server.startsWith('openresty');
	const footer = page.raw.includes('<hr><center>nginx') || page.raw.includes('<hr><center>openresty');
	if (!byServer && !(footer && page.status >= 400)) {
		return [];
	}

	const findings: Finding[] = [seen('nginx', 'origin', byServer ? [serverSignal(page.header('server'))] : ['nginx error page footer'])];
	if (footer && page.status === 403 && page.title === '403 forbidden') {
		findings.push(stockPageFinding('nginx', page, 'Look in nginx\'s error log (often /var/log/nginx/error.log) for this path: "access forbidden by rule", "directory index of … is forbidden" or "(13: Permission denied)" says which cause it is.'));
		return [{vendor: 'nginx', layer: 'origin', claims: true, kind: 'generic', findings}];
	}

	if (footer && page.status === 429) {
		findings.push({code: 'vendor.nginx.limit-req', text: 'nginx answered with its stock 429 page, the status a limit_req or limit_conn zone returns when configured to (limit_req_status 429).',
			vendor: 'nginx', supports: {'rate-limited': 0.6}, fix: {owner: ['Check the limit_req / limit_conn zones that apply to this location; the error log says "limiting requests, excess: …".'], api: ['Slow down and retry later.']}, mark: 'fail'});
		return [{vendor: 'nginx', layer: 'origin', claims: true, kind: 'rate-limit', findings}];
	}

	return [{vendor: 'nginx', layer: 'origin', claims: false, findings}];
}
