import type {FlowContext} from '../../machine/context.js';
import {findHeader, originalRequest} from '../original-request.js';
import {clientAddress} from './owner-paths.js';

/** The request as a server config judges it: URL, method, client address and the headers sent. */
export function serverRequest(context: FlowContext) {
	const request = originalRequest(context);
	if (!request) {
		return undefined;
	}

	const headers = Object.fromEntries(request.headers.map(([name, value]) => [name.toLowerCase(), value]));
	return {
		url: request.url,
		method: request.method,
		clientAddress: clientAddress(context),
		referer: findHeader(request, 'referer'),
		userAgent: findHeader(request, 'user-agent'),
		headers,
	};
}

/**
Auto-discovery of a server's config only when the user named no config at all, and not when the response
itself says the other server answered (an nginx error page is not Apache's doing, whatever is installed).
*/
export function shouldDiscover(context: FlowContext, server: 'nginx' | 'apache'): boolean {
	const other = server === 'nginx' ? 'apache' : 'nginx';
	return context.input.nginxConf === undefined && context.input.apacheConf === undefined && context.facts.vendor !== other;
}

/** Why a server's config was not read, for its check line. */
export function notReadBecause(context: FlowContext, server: 'nginx' | 'apache'): string {
	const other = server === 'nginx' ? 'apache' : 'nginx';
	const name = {nginx: 'nginx', apache: 'Apache'} as const;
	if (context.input[server === 'nginx' ? 'apacheConf' : 'nginxConf'] !== undefined) {
		return `skipped: an ${name[other]} config was given`;
	}

	return context.facts.vendor === other ? `skipped: ${name[other]} answered, not ${name[server]}` : `skipped: no ${name[server]} config found`;
}
