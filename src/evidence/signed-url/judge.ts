import {clockSkewThresholdMs, formatDuration, isoTime, timeVerdict} from '../clock.js';
import type {Finding} from '../types.js';
import {signedUrlFixes} from './common.js';
import type {SchemeFacts, SignedUrlContext} from './types.js';

function relative(at: number, now: number): string {
	return at <= now ? `${formatDuration(now - at)} ago` : `in ${formatDuration(at - now)}`;
}

/**
Judges a signed URL's window against the server's clock (the one that decides) and the local clock. A link
that one clock calls valid and the other expired, or clocks more than five minutes apart, is a clock-skew
finding on top of the expiry finding.
*/
export function judgeSignedTimes(facts: SchemeFacts, context: SignedUrlContext): Finding[] {
	const {expiresAt, notBefore, vendor} = facts;
	if (expiresAt === undefined && notBefore === undefined) {
		return [];
	}

	const window = {expiresAt, notBefore};
	const leeway = facts.notBeforeLeewayMs ?? 0;
	const {now, serverDate} = context;
	const local = timeVerdict(now, window, 0, leeway);
	const server = serverDate === undefined ? undefined : timeVerdict(serverDate, window, 0, leeway);
	const judge = server ?? local;
	const withVendor = vendor ? {vendor} : {};
	const clocks = (at: number) => (serverDate === undefined
		? `by this computer's clock ${relative(at, now)}`
		: `by the server's clock ${relative(at, serverDate)}, by this computer's ${relative(at, now)}`);
	const data = {expiresAt: expiresAt === undefined ? undefined : isoTime(expiresAt), notBefore: notBefore === undefined ? undefined : isoTime(notBefore), local, server};
	const findings: Finding[] = [];

	if (expiresAt !== undefined && (judge === 'expired' || local === 'expired')) {
		const decided = judge === 'expired';
		findings.push({
			code: decided ? 'signed-url.expired' : 'signed-url.expired-locally',
			text: decided
				? `The signed URL expired at ${isoTime(expiresAt)} (${clocks(expiresAt)}).`
				: `By this computer's clock the signed URL expired ${relative(expiresAt, now)}, but by the server's clock it is still valid, so expiry is not what the server refused.`,
			supports: {'signed-url-expired': decided ? (local === 'expired' ? 0.9 : 0.85) : 0.15},
			mark: decided ? 'fail' : 'warn',
			fix: signedUrlFixes.expired,
			data,
			...withVendor,
		});
	} else if (notBefore !== undefined && (judge === 'not-yet-valid' || local === 'not-yet-valid')) {
		const decided = judge === 'not-yet-valid';
		findings.push({
			code: decided ? 'signed-url.not-yet-valid' : 'signed-url.not-yet-valid-locally',
			text: decided
				? `The signed URL is not valid before ${isoTime(notBefore)} (${clocks(notBefore)}): it was signed by a clock that runs ahead.`
				: `By this computer's clock the signed URL only becomes valid ${relative(notBefore, now)}; the server's clock says it already is.`,
			supports: decided ? {'clock-skew': 0.7, 'signed-url-expired': 0.3} : {'clock-skew': 0.3},
			mark: decided ? 'fail' : 'warn',
			fix: signedUrlFixes.clock,
			data,
			...withVendor,
		});
	} else {
		findings.push({
			code: 'signed-url.within-validity',
			text: expiresAt === undefined
				? `The signed URL has been valid since ${isoTime(notBefore!)} and names no expiry.`
				: `The signed URL is within its validity window; it expires at ${isoTime(expiresAt)} (${clocks(expiresAt)}).`,
			supports: {'signed-url-expired': -0.6},
			mark: 'ok',
			data,
			...withVendor,
		});
	}

	const skew = serverDate === undefined ? undefined : serverDate - now;
	if (skew !== undefined && (local !== server || Math.abs(skew) > clockSkewThresholdMs)) {
		findings.push({
			code: 'signed-url.clock-skew',
			text: `The server's clock (Date header) is ${formatDuration(skew)} ${skew >= 0 ? 'ahead of' : 'behind'} this computer's${local === server ? '' : `, enough that one calls the link ${local} and the other ${server}`}.`,
			supports: {'clock-skew': local === server ? 0.5 : 0.8},
			mark: 'warn',
			fix: signedUrlFixes.clock,
			data: {offsetMs: skew, local, server},
			...withVendor,
		});
	}

	return findings;
}
