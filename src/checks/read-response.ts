import {readAuthTexts} from '../evidence/auth-texts.js';
import {readClock} from '../evidence/clock.js';
import {readCsrf} from '../evidence/csrf.js';
import {readLegal} from '../evidence/legal.js';
import {readObjectStore} from '../evidence/object-store.js';
import {readPhpFpmText} from '../evidence/php-fpm-text.js';
import {rateLimitSignal, readRateLimit} from '../evidence/rate-limit.js';
import type {Finding, ResponseView} from '../evidence/types.js';
import {readVendor} from '../evidence/vendors/index.js';
import {readWwwAuthenticate} from '../evidence/www-authenticate.js';
import type {CheckDefinition} from './types.js';

/** Every pure reader that judges one response; each returns findings and never throws. */
const readers: ReadonlyArray<(view: ResponseView, now: number) => readonly Finding[]> = [
	readWwwAuthenticate,
	// A pasted response's Date is from whenever it was copied: only a known receive time makes it a clock reading.
	(view, now) => (view.receivedAt === undefined ? [] : readClock(view, now)),
	(view, now) => readRateLimit(view, {now}).findings,
	readObjectStore,
	readCsrf,
	readLegal,
	readAuthTexts,
	readPhpFpmText,
];

/** Reads the response under diagnosis: who produced it (CDN, WAF, cloud, server) and what it says. */
export const readResponse: CheckDefinition = {
	name: 'read-response',
	description: 'Fingerprint the CDN/WAF/server behind the response and read its headers and body for the kind of refusal.',
	params: {},
	label: () => 'Reading who answered and why',
	async run(_params, context, env) {
		const view = context.facts.primary;
		if (!view) {
			return {summary: 'skipped: no response to read', mark: 'info', skipped: true};
		}

		const vendor = readVendor(view);
		const now = view.receivedAt ?? env.now();
		const findings = [...vendor.findings, ...readers.flatMap(read => read(view, now))];
		const rateLimited = rateLimitSignal(view);
		const who = vendor.vendor ? `${vendor.vendor}${vendor.via.length > 1 ? ` (via ${vendor.via.join(' → ')})` : ''}` : 'an unrecognised server';
		const what = vendor.kind && vendor.kind !== 'generic' ? `, a ${vendor.kind.replace('-', ' ')} page` : '';
		const reference = vendor.reference ? ` — ${vendor.reference.name} ${vendor.reference.value}` : '';
		return {
			findings,
			facts: {...(vendor.vendor ? {vendor: vendor.vendor} : {}), ...(rateLimited ? {rateLimited} : {})},
			summary: `${view.status} from ${who}${what}${reference}`,
			mark: findings.some(finding => finding.supports && Object.values(finding.supports).some(weight => (weight ?? 0) >= 0.5)) ? 'fail' : 'info',
		};
	},
};
