import type {RequestFacts} from './request.js';
import type {VariableLookup} from './variables.js';

/** What the analysis knows at a point of request processing, beyond the request itself. */
export type VariableState = {
	readonly facts: RequestFacts;
	readonly uri: string;
	readonly captures: readonly string[];
	/** Values assigned by `set` (undefined: assigned something unknown). */
	readonly assigned: ReadonlyMap<string, string | undefined>;
	readonly serverName: string;
	readonly documentRoot?: string;
	readonly requestFilename?: string;
	/** Module variables computed from the configuration: invalid_referer, secure_link, secure_link_expires. */
	readonly computed: ReadonlyMap<string, string | undefined>;
};

/** nginx's variables for this request; undefined for what cannot be known from here. */
export function requestLookup(state: VariableState): VariableLookup {
	const {facts} = state;
	return name => {
		if (state.assigned.has(name)) {
			return state.assigned.get(name);
		}

		if (/^\d$/.test(name)) {
			return name === '0' ? undefined : state.captures[Number(name) - 1];
		}

		if (state.computed.has(name)) {
			return state.computed.get(name);
		}

		if (name.startsWith('arg_')) {
			return queryArgument(facts.query, name.slice(4));
		}

		// The request's headers are taken as complete: one that is not listed was not sent (nginx: empty).
		if (name.startsWith('http_')) {
			return facts.headers.get(name.slice(5).replaceAll('_', '-')) ?? '';
		}

		if (name.startsWith('cookie_')) {
			return cookie(facts.headers.get('cookie') ?? '', name.slice(7));
		}

		return builtin(state, name);
	};
}

function builtin(state: VariableState, name: string): string | undefined {
	const {facts} = state;
	const values: Record<string, string | undefined> = {
		uri: state.uri,
		document_uri: state.uri,
		request_uri: facts.rawPath + (facts.query === '' ? '' : `?${facts.query}`),
		args: facts.query,
		query_string: facts.query,
		is_args: facts.query === '' ? '' : '?',
		request_method: facts.method,
		remote_addr: facts.clientAddress,
		realip_remote_addr: facts.clientAddress,
		host: facts.host,
		scheme: facts.scheme,
		https: facts.scheme === 'https' ? 'on' : '',
		server_port: String(facts.port),
		server_name: state.serverName,
		document_root: state.documentRoot,
		realpath_root: state.documentRoot,
		request_filename: state.requestFilename,
	};
	return Object.hasOwn(values, name) ? values[name] : undefined;
}

/** nginx compares argument names case-insensitively and takes the first occurrence. */
function queryArgument(query: string, name: string): string | undefined {
	for (const pair of query.split('&')) {
		const equals = pair.indexOf('=');
		const key = equals === -1 ? pair : pair.slice(0, equals);
		if (key.toLowerCase() === name.toLowerCase()) {
			return equals === -1 ? '' : pair.slice(equals + 1);
		}
	}

	return '';
}

function cookie(header: string, name: string): string {
	for (const part of header.split(';')) {
		const [key = '', ...value] = part.trim().split('=');
		if (key === name) {
			return value.join('=');
		}
	}

	return '';
}
