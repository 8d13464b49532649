import type {CauseId} from '../../diagnosis/cause-ids.js';
import type {Finding} from '../../evidence/types.js';
import type {AccessSummary} from './summarize-access.js';

function serverLayer(path: string | undefined): Partial<Record<CauseId, number>> {
	const supports: Partial<Record<CauseId, number>> = {
		'server-deny-rule': 0.3,
		'file-permissions': 0.3,
		'symlink-blocked': 0.1,
		'ip-allowlist': -0.3,
		'bot-block': -0.3,
		'client-state': -0.3,
		'rate-limited': -0.2,
	};
	if (path?.endsWith('/')) {
		supports['directory-index-missing'] = 0.25;
	}

	if (path !== undefined && /\.(?:php\d?|phtml)$/i.test(path)) {
		supports['php-fpm-denied'] = 0.2;
	}

	return supports;
}

function span(summary: AccessSummary): string {
	const first = summary.firstSeen ?? '?';
	const last = summary.lastSeen ?? '?';
	return first === last ? `at ${first}` : `between ${first} and ${last}`;
}

function statusList(summary: AccessSummary): string {
	return Object.entries(summary.statuses).map(([status, count]) => `${status}×${count}`).join(', ');
}

/** The facts behind a verdict, for guards and exports. */
function dataOf(summary: AccessSummary): Record<string, unknown> {
	return {
		verdict: summary.verdict, path: summary.path, requests: summary.requests, forbidden: summary.forbidden, passed: summary.passed,
		statuses: summary.statuses, firstSeen: summary.firstSeen, lastSeen: summary.lastSeen, forwarded: summary.forwarded,
		distinctForbiddenClients: summary.distinctForbiddenClients,
		perHour: summary.perHour.slice(-48), byClient: summary.byClient.slice(0, 5), byUserAgent: summary.byUserAgent.slice(0, 5),
	};
}

/** Turns an access-log summary into one finding about who gets the 403, located at the last 403's line. */
export function accessLogFindings(file: string, summary: AccessSummary, linesRead: number): Finding[] {
	const what = summary.path ?? 'any path';
	const location = {file, line: summary.lastLine};
	const data = dataOf(summary);
	const addresses = summary.forwarded ? 'addresses (from X-Forwarded-For)' : 'addresses';
	const base = {location, data};
	switch (summary.verdict) {
		case 'none': {
			return summary.requests === 0
				? [{...base, location: {file}, code: 'access-log.path-absent', mark: 'info',
					text: `No request for ${what} in the ${linesRead} lines read from ${file}: the 403 may come from a CDN or WAF in front, another virtual host's log, or a different URL.`,
					supports: {'waf-rule-block': 0.1, 'wrong-url': 0.1}}]
				: [{...base, location: {file}, code: 'access-log.no-403', mark: 'info',
					text: `${what} was requested ${summary.requests} times in ${file} and never answered 403 here (${statusList(summary)}); a 403 seen elsewhere comes from something in front of this server.`,
					supports: {'waf-rule-block': 0.2, 'file-permissions': -0.3, 'server-deny-rule': -0.3, 'directory-index-missing': -0.3}}];
		}

		case 'everyone': {
			return [{...base, code: 'access-log.forbidden-everyone', mark: 'fail',
				text: `${what} answered 403 ${summary.forbidden} times to ${summary.distinctForbiddenClients} different ${addresses} ${span(summary)}, and never succeeded: it is refused to everyone, a server-side cause.`,
				supports: serverLayer(summary.path)}];
		}

		case 'one-address': {
			const [client] = summary.byClient.filter(tally => tally.forbidden > 0);
			const others = summary.byClient.filter(tally => tally.passed > 0 && tally.key !== client?.key).length;
			return [{...base, code: 'access-log.forbidden-one-address', mark: others > 0 ? 'fail' : 'warn',
				text: `Every 403 for ${what} (${summary.forbidden}) went to one address, ${client?.key ?? '?'}, ${span(summary)}`
					+ (others > 0 ? `, while ${others} other ${others === 1 ? 'address' : addresses} got it fine.` : '; no other address asked for it.'),
				supports: {'ip-allowlist': others > 0 ? 0.6 : 0.25, 'rate-limited': 0.1}}];
		}

		case 'one-client-kind': {
			const [family] = summary.byUserAgent.filter(tally => tally.forbidden > 0);
			const passedOthers = summary.byUserAgent.filter(tally => tally.passed > 0 && tally.key !== family?.key).map(tally => tally.key);
			return [{...base, code: 'access-log.forbidden-one-client-kind', mark: passedOthers.length > 0 ? 'fail' : 'warn',
				text: `Every 403 for ${what} (${summary.forbidden}, from ${summary.distinctForbiddenClients} ${addresses}) went to one kind of client, ${family?.key ?? '?'}`
					+ (passedOthers.length > 0 ? `, while ${passedOthers.slice(0, 3).join(', ')} got it fine.` : '.'),
				supports: {'bot-block': passedOthers.length > 0 ? 0.6 : 0.35}}];
		}

		case 'mixed': {
			return [{...base, code: 'access-log.forbidden-some-clients', mark: 'warn',
				text: `${what} answered 403 ${summary.forbidden} times to ${summary.distinctForbiddenClients} ${addresses} but succeeded ${summary.passed} times for others: the refusal depends on who asks.`,
				supports: {'ip-allowlist': 0.25, 'bot-block': 0.25, 'rate-limited': 0.15, 'client-state': 0.15}}];
		}

		default: {
			return [{...base, code: 'access-log.forbidden-few', mark: 'info',
				text: `${what} answered 403 ${summary.forbidden} times to ${summary.distinctForbiddenClients} ${addresses} ${span(summary)}; too few clients to tell whether everyone is refused.`}];
		}
	}
}
