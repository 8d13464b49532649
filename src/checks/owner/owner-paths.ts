import path from 'node:path';
import type {FlowContext} from '../../machine/context.js';
import {targetUrl} from '../original-request.js';

/** The document root given (option or answer), if any. */
export function docroot(context: FlowContext): string | undefined {
	const value = context.input.docroot ?? context.answers['docroot'];
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The URL's path, decoded, or "/" when there is no URL. */
export function urlPath(context: FlowContext): string {
	const url = targetUrl(context);
	if (url === undefined) {
		return '/';
	}

	try {
		return decodeURIComponent(new URL(url).pathname);
	} catch {
		return '/';
	}
}

/**
The file the URL maps to: what the server config said (locate-site), else document root + URL path. A
folder URL keeps its trailing slash, which the permission walk reads as "look for an index file".
*/
export function mappedPath(context: FlowContext): string | undefined {
	if (context.facts.mappedPath !== undefined) {
		return context.facts.mappedPath;
	}

	const root = docroot(context);
	if (root === undefined) {
		return undefined;
	}

	const relative = urlPath(context);
	const joined = path.join(root, relative);
	return relative.endsWith('/') && !joined.endsWith('/') ? `${joined}/` : joined;
}

/** The address the failing client connects from, for allow-list judgements. */
export function clientAddress(context: FlowContext): string {
	return context.input.clientAddress ?? '127.0.0.1';
}
