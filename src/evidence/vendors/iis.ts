import type {Finding} from '../types.js';
import {seen, serverSignal} from './finding.js';
import {capture, type Page} from './page.js';
import {iisSubstatus} from './iis-substatus.js';
import {stockPageFinding} from './server-page.js';
import type {Sighting} from './types.js';

const logHint = 'Look in the IIS log for this request (%SystemDrive%\\inetpub\\logs\\LogFiles): the sc-substatus column next to 403 names the exact reason.';

/** Microsoft IIS: `Microsoft-IIS/x` and its 403.N detailed error pages (or the generic "403 - Forbidden: Access is denied."). */
export function readIis(page: Page): Sighting[] {
	const byServer = page.server.startsWith('microsoft-iis');
	const iisPage = page.lower.includes('internet information services') || /\biis [\d.]+ detailed error\b/.test(page.title) || /iis\d{0,2}error=403/.test(page.raw);
	if (!byServer && !(iisPage && page.status === 403)) {
		return [];
	}

	const findings: Finding[] = [seen('iis', 'origin', byServer ? [serverSignal(page.header('server'))] : ['IIS error page'])];
	if (page.status !== 403) {
		return [{vendor: 'iis', layer: 'origin', claims: false, findings}];
	}

	const sub = capture(page.text, /\b(?:http error|error)\s+403\.(\d{1,3})\b/i) ?? capture(page.title, /\b403\.(\d{1,3})\b/) ?? capture(page.raw, /iis\d{0,2}error=403,(\d{1,3})\b/);
	const entry = sub === undefined ? undefined : iisSubstatus[sub];
	if (sub !== undefined && entry !== undefined) {
		findings.push({code: `vendor.iis.403-${sub}`, text: `IIS answered 403.${sub}: ${entry.meaning}.`, vendor: 'iis', supports: entry.supports, fix: {owner: [entry.owner]}, mark: 'fail', data: {substatus: Number(sub)}});
		return [{vendor: 'iis', layer: 'origin', claims: true, kind: entry.kind, findings}];
	}

	if (page.lower.includes('403 - forbidden: access is denied') || sub !== undefined) {
		findings.push(stockPageFinding('iis', page, logHint));
		return [{vendor: 'iis', layer: 'origin', claims: true, kind: 'generic', findings}];
	}

	return [{vendor: 'iis', layer: 'origin', claims: false, findings}];
}
