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

/** Auto-discovery of a server's config only when the user named no config at all. */
export function shouldDiscover(context: FlowContext): boolean {
	return context.input.nginxConf === undefined && context.input.apacheConf === undefined;
}
