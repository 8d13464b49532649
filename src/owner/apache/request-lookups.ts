import type {ExprLookup} from './expr.js';
import type {RequestFacts} from './request-facts.js';
import type {RewriteLookup} from './rewrite-eval.js';
import type {SetEnvLookup} from './setenvif.js';

/**
The request's server variables as mod_rewrite, ap_expr and mod_setenvif name them. Headers the visitor is known
not to have sent read as empty; headers we were not told about are unknown (undefined).
*/
export function serverVariables(request: RequestFacts, filename: string | undefined): Record<string, string | undefined> {
	const query = request.query ? `?${request.query}` : '';
	return {
		HTTP_REFERER: request.referer ?? '',
		HTTP_USER_AGENT: request.userAgent ?? '',
		HTTP_HOST: request.port === (request.scheme === 'https' ? 443 : 80) ? request.host : `${request.host}:${request.port}`,
		REMOTE_ADDR: request.clientAddress,
		REMOTE_HOST: request.clientHost ?? request.clientAddress,
		REQUEST_METHOD: request.method,
		REQUEST_URI: request.path,
		QUERY_STRING: request.query,
		THE_REQUEST: `${request.method} ${request.path}${query} HTTP/1.1`,
		REQUEST_SCHEME: request.scheme,
		HTTPS: request.scheme === 'https' ? 'on' : 'off',
		SERVER_PORT: String(request.port),
		SERVER_PROTOCOL: 'HTTP/1.1',
		SERVER_ADDR: request.serverAddress,
		REQUEST_FILENAME: filename,
		SCRIPT_FILENAME: filename,
	};
}

function header(request: RequestFacts, name: string): string | undefined {
	switch (name.toLowerCase()) {
		case 'referer': {
			return request.referer ?? '';
		}

		case 'user-agent': {
			return request.userAgent ?? '';
		}

		case 'host': {
			return request.host;
		}

		default: {
			return undefined;
		}
	}
}

/** Variables and headers for ap_expr (`<If>`, `Require expr`). */
export function exprLookup(request: RequestFacts, filename: string | undefined): ExprLookup {
	const variables = serverVariables(request, filename);
	return {
		variable: name => variables[name],
		header: name => header(request, name),
	};
}

/** Variables for RewriteCond test strings, and `-f`/`-d` for the mapped file. */
export function rewriteLookup(request: RequestFacts, filename: string | undefined, kind: 'file' | 'directory' | 'missing' | undefined): RewriteLookup {
	const variables = serverVariables(request, filename);
	return {
		variable(name) {
			const upper = name.toUpperCase();
			const headerName = /^HTTP:(.+)$/i.exec(name)?.[1];
			return headerName ? header(request, headerName) : variables[upper];
		},
		fileKind: path => filename !== undefined && path.replace(/\/$/, '') === filename.replace(/\/$/, '') ? kind : undefined,
	};
}

/** Attributes for SetEnvIf/BrowserMatch: the special names and request headers. */
export function setEnvLookup(request: RequestFacts): SetEnvLookup {
	const variables = serverVariables(request, undefined);
	const special: Record<string, string | undefined> = {
		remote_addr: variables['REMOTE_ADDR'], remote_host: variables['REMOTE_HOST'], server_addr: variables['SERVER_ADDR'],
		request_method: request.method, request_protocol: 'HTTP/1.1', request_uri: request.path,
	};
	return attribute => {
		const lower = attribute.toLowerCase();
		return Object.hasOwn(special, lower) ? special[lower] : header(request, attribute);
	};
}
