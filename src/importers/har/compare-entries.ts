import {decodeJwt} from '../../evidence/jwt.js';
import type {Finding} from '../../evidence/types.js';
import {entryView} from './entry-view.js';
import type {HarEntry} from './har-types.js';
import {matchStrength, parse, type Reference} from './pick-reference.js';

const what = {url: 'URL', path: 'path (with another query)', host: 'host (another URL)'} as const;

/**
What differs between a failing entry and the successful one picked for it, as findings: Referer (hotlink
protection), Authorization (missing or changed), cookies (missing, other names, other values), User-Agent,
method, Origin, or nothing at all. Weights shrink when the reference is only the same path or host.
*/
export function compareEntries(failure: HarEntry, success: HarEntry, reference: Reference): Finding[] {
	const strength = matchStrength[reference.match];
	const weight = (value: number) => Math.round(value * strength * 100) / 100;
	const failed = entryView(failure).requestHeaders ?? {};
	const worked = entryView(success).requestHeaders ?? {};
	const target = parse(failure.request.url)!;
	const worksWhen = `The same ${what[reference.match]} loaded at ${success.startedDateTime || 'another time'} (entry ${reference.index + 1})`;
	const data = {comparedWith: reference.index, match: reference.match};
	const findings: Finding[] = [];

	const workedReferer = worked['referer'];
	const failedReferer = failed['referer'];
	if (workedReferer && sameSite(workedReferer, target) && (!failedReferer || !sameSite(failedReferer, target))) {
		findings.push({
			code: 'har.compare.referer',
			text: `${worksWhen} with a Referer from ${origin(workedReferer)}; the failing request ${failedReferer ? `came with a Referer from ${origin(failedReferer)}` : 'had no Referer'}.`,
			supports: {'hotlink-protection': weight(0.6)},
			mark: 'fail',
			data,
			fix: {
				visitor: [`Open the resource from a page on ${target.host} instead of embedding or linking it from elsewhere.`],
				owner: [`If ${failedReferer ? origin(failedReferer) : 'requests without a Referer'} should be allowed, add it to the hotlink rule (nginx \`valid_referers\`, a CDN's hotlink setting).`],
			},
		});
	}

	const notes = {failed: failure._fix403?.fingerprints, worked: success._fix403?.fingerprints};
	if (worked['authorization'] && !failed['authorization']) {
		findings.push({code: 'har.compare.authorization-missing', text: `${worksWhen} with an Authorization header; the failing request carried none.`, supports: {'missing-credentials': weight(0.7)}, mark: 'fail', data});
	} else if (notes.worked?.authorization && notes.failed?.authorization && notes.worked.authorization !== notes.failed.authorization) {
		findings.push({code: 'har.compare.authorization-changed', text: `${worksWhen} with a different Authorization value than the failing request.`, supports: {'token-expired': weight(0.25), 'token-invalid': weight(0.25)}, mark: 'warn', data});
	}

	const workedCookies = Object.keys(notes.worked?.cookies ?? cookieNames(worked['cookie']));
	const failedCookies = Object.keys(notes.failed?.cookies ?? cookieNames(failed['cookie']));
	const missing = workedCookies.filter(name => !failedCookies.includes(name));
	const changed = workedCookies.filter(name => failedCookies.includes(name) && notes.worked?.cookies[name] !== notes.failed?.cookies[name]);
	if (workedCookies.length > 0 && failedCookies.length === 0) {
		findings.push({code: 'har.compare.cookies-missing', text: `${worksWhen} with cookies (${list(workedCookies)}); the failing request sent none.`, supports: {'missing-credentials': weight(0.5), 'client-state': weight(0.2)}, mark: 'fail', data: {...data, cookies: workedCookies}});
	} else if (missing.length > 0) {
		findings.push({code: 'har.compare.cookies-differ', text: `${worksWhen} with cookies the failing request did not send: ${list(missing)}.`, supports: {'client-state': weight(0.35), 'session-expired': weight(0.25)}, mark: 'warn', data: {...data, cookies: missing}});
	} else if (changed.length > 0 && notes.worked && notes.failed) {
		findings.push({code: 'har.compare.cookie-values-changed', text: `${worksWhen}; since then the value of ${changed.length === 1 ? 'cookie' : 'cookies'} ${list(changed)} changed.`, supports: {'session-expired': weight(0.35), 'client-state': weight(0.3)}, mark: 'warn', data: {...data, cookies: changed}});
	}

	if ((worked['user-agent'] ?? '') !== (failed['user-agent'] ?? '')) {
		findings.push({code: 'har.compare.user-agent', text: `${worksWhen} with User-Agent "${worked['user-agent'] ?? '(none)'}"; the failing request sent "${failed['user-agent'] ?? '(none)'}".`, supports: {'bot-block': weight(0.3)}, mark: 'warn', data});
	}

	const sameResource = reference.match !== 'host';
	if (sameResource && success.request.method.toUpperCase() !== failure.request.method.toUpperCase()) {
		findings.push({code: 'har.compare.method', text: `${worksWhen} with ${success.request.method.toUpperCase()}; the failing request used ${failure.request.method.toUpperCase()}.`, supports: {'method-blocked': weight(0.5)}, mark: 'fail', data});
	}

	const failedOrigin = failed['origin'];
	if (failedOrigin && failedOrigin !== 'null' && !sameSite(failedOrigin, target) && (!worked['origin'] || sameSite(worked['origin'], target))) {
		findings.push({code: 'har.compare.origin', text: `The failing request came from another site (Origin ${failedOrigin}); the one that worked did not.`, supports: {'csrf-failed': weight(0.3)}, mark: 'warn', data});
	}

	const workedAt = Date.parse(success.startedDateTime);
	const failedAt = Date.parse(failure.startedDateTime);
	const expiry = bearerExpiry(failed['authorization']);
	if (expiry !== undefined && notes.worked?.authorization === notes.failed?.authorization && workedAt < expiry && expiry <= failedAt) {
		findings.push({
			code: 'har.compare.token-expired-between',
			text: `${worksWhen} with the same bearer token, which expired at ${new Date(expiry).toISOString()}, before the failing request.`,
			supports: {'token-expired': 0.8},
			mark: 'fail',
			data: {...data, exp: expiry / 1000},
		});
	}

	if (findings.length === 0 && reference.match === 'url' && workedAt < failedAt) {
		const limited = failure.response.status === 429;
		findings.push({
			code: 'har.compare.same-request-later',
			text: `${worksWhen} with the same method, cookies and credentials; the identical request failed later, at ${failure.startedDateTime}.`,
			supports: limited ? {'rate-limited': 0.5} : {'rate-limited': 0.25, 'waf-rule-block': 0.1, ...(workedCookies.length > 0 ? {'session-expired': 0.2} : {})},
			mark: 'warn',
			data,
		});
	}

	return findings;
}

/** `exp` (ms) of a bearer JWT whose header and claims survived redaction. */
function bearerExpiry(authorization: string | undefined): number | undefined {
	const token = /^\s*bearer\s+(eyJ[\w-]+\.[\w-]+)\./i.exec(authorization ?? '')?.[1];
	const decoded = token ? decodeJwt(`${token}.`) : undefined;
	const exp = decoded && !('error' in decoded) ? decoded.claims['exp'] : undefined;
	return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}

function cookieNames(header: string | undefined): Record<string, string> {
	const names: Record<string, string> = {};
	for (const pair of (header ?? '').split(';')) {
		const name = pair.split('=')[0]?.trim();
		if (name) {
			names[name] = '';
		}
	}

	return names;
}

/** Same registrable domain, roughly: the last two labels (three under a two-letter country code's short label). */
function sameSite(url: string, target: URL): boolean {
	const other = parse(url);
	return other !== undefined && site(other.hostname) === site(target.hostname);
}

function site(hostname: string): string {
	const labels = hostname.split('.');
	const countrySecondLevel = labels.length > 2 && labels.at(-1)!.length === 2 && labels.at(-2)!.length <= 3;
	return labels.slice(countrySecondLevel ? -3 : -2).join('.');
}

function origin(url: string): string {
	return parse(url)?.origin ?? url;
}

function list(names: readonly string[]): string {
	return names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : '');
}
