import {isoTime} from '../clock.js';
import type {Finding} from '../types.js';
import {invalidFinding, ipRestrictedFinding} from './common.js';
import {vendorOfHost} from './hosts.js';
import type {Query} from './query.js';
import type {SchemeFacts, SignedUrlContext} from './types.js';

// https://learn.microsoft.com/rest/api/storageservices/create-service-sas (and account / user delegation SAS).
const names = ['sv', 'ss', 'srt', 'sr', 'sp', 'st', 'se', 'sip', 'spr', 'si', 'sig', 'skoid', 'sktid', 'skt', 'ske', 'sks', 'skv', 'sdd', 'ses'];
const isoDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** SAS times are ISO 8601 in UTC; a missing zone designator still means UTC. */
function sasTime(value: string | undefined): number | undefined {
	const text = value?.trim() ?? '';
	if (!isoDate.test(text)) {
		return undefined;
	}

	const zoned = text.length > 10 && !/(?:Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text;
	// Seven fractional digits (.NET) are more than Date.parse accepts.
	const ms = Date.parse(zoned.replace(/(\.\d{3})\d+/, '$1'));
	return Number.isFinite(ms) ? ms : undefined;
}

/** Which `sp` letters allow a method: read/list for GET, write/create/add for PUT/POST, delete for DELETE. */
const permissionFor: Record<string, string> = {GET: 'rl', HEAD: 'rl', PUT: 'wca', POST: 'wca', PATCH: 'wa', DELETE: 'dx'};

/** Reads Azure Storage shared access signatures (service, account and user delegation SAS). */
export function readAzureSas(query: Query, host: string, protocol: string, context: SignedUrlContext): SchemeFacts | undefined {
	const looksLikeSas = (query.has('sig') && ['sv', 'se', 'sp'].some(name => query.has(name)))
		|| (query.has('sv') && ['se', 'sp'].some(name => query.has(name)) && ['sr', 'ss', 'srt'].some(name => query.has(name)));
	if (!looksLikeSas) {
		return undefined;
	}

	const vendor = vendorOfHost(host) === 'azure-blob' ? 'azure-blob' as const : undefined;
	const findings: Finding[] = [];
	const invalid = (code: string, text: string, weight: number, extra?: Parameters<typeof invalidFinding>[4]) => {
		findings.push(invalidFinding(code, text, weight, vendor, extra));
	};

	if (!query.has('sig')) {
		invalid('missing-signature', 'The SAS has no sig parameter: the link was cut short or its query string was stripped.', 0.85);
	}

	const times: Record<string, number | undefined> = {};
	for (const name of ['st', 'se', 'skt', 'ske']) {
		const value = query.get(name);
		times[name] = sasTime(value);
		if (value !== undefined && times[name] === undefined) {
			invalid('bad-time', `The SAS field ${name} is "${value.slice(0, 40)}", not an ISO 8601 UTC time.`, 0.7);
		}
	}

	const {st, se, ske} = times;
	if (!query.has('se') && !query.has('si')) {
		invalid('missing-expiry', 'The SAS has neither an expiry (se) nor a stored access policy (si).', 0.6);
	}

	if (st !== undefined && se !== undefined && se <= st) {
		invalid('expiry-before-start', `The SAS expiry (se ${isoTime(se)}) is not after its start (st ${isoTime(st)}).`, 0.8);
	}

	// A user delegation SAS dies with its delegation key, whichever comes first.
	const expiresAt = ske !== undefined && (se === undefined || ske < se) ? ske : se;
	if (ske !== undefined && se !== undefined && ske < se) {
		findings.push({code: 'signed-url.delegation-key-expiry', text: `The user delegation key expires at ${isoTime(ske)}, before the SAS itself (${isoTime(se)}); the link stops working then.`, mark: 'info', ...(vendor ? {vendor} : {})});
	}

	const sip = query.get('sip');
	if (sip) {
		findings.push(ipRestrictedFinding(sip, vendor));
	}

	if (query.get('spr')?.trim().toLowerCase() === 'https' && protocol === 'http:') {
		invalid('https-only', 'The SAS only allows HTTPS (spr=https) but the URL uses plain HTTP.', 0.6, {'wrong-url': 0.3});
	}

	const permissions = query.get('sp') ?? '';
	const needed = permissionFor[(context.method ?? 'GET').toUpperCase()];
	if (permissions !== '' && needed !== undefined && ![...needed].some(letter => permissions.includes(letter))) {
		findings.push({
			code: 'signed-url.permission-missing',
			text: `The SAS grants "${permissions.slice(0, 20)}" (sp), which does not include what a ${(context.method ?? 'GET').toUpperCase()} needs (${[...needed].join(' or ')}).`,
			supports: {'object-storage-denied': 0.6},
			mark: 'fail',
			fix: {owner: ['Issue a SAS whose sp includes the permission the operation needs (r to read, w/c to write, d to delete).'], visitor: ['Ask for a link that allows this operation.']},
			...(vendor ? {vendor} : {}),
		});
	}

	return {
		scheme: 'azure-sas',
		...(vendor ? {vendor} : {}),
		...(st === undefined ? {} : {notBefore: st}),
		...(expiresAt === undefined ? {} : {expiresAt}),
		params: query.pick(names, ['sig']),
		details: {version: query.get('sv'), permissions, resource: query.get('sr') ?? query.get('srt'), storedPolicy: query.get('si'), sourceIp: sip, protocol: query.get('spr'), userDelegation: query.has('skoid')},
		findings,
	};
}
