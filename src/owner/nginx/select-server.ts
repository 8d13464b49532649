import {NginxConfigError} from './config-error.js';
import {childrenNamed} from './directives.js';
import {implicitListen, isWildcardAddress, parseListen, type Listen} from './listen.js';
import {matchServerName, type NameMatchKind} from './server-names.js';
import type {Directive, NginxConfig} from './types.js';

/** Where the connection arrived: the port, and the local address when it is known. */
export type ArrivalSocket = {readonly address?: string; readonly port: number};

export type ServerChoice = {
	readonly http: Directive;
	readonly server: Directive;
	readonly names: readonly string[];
	/** How the server was chosen: by a name, or as the default server of the socket. */
	readonly matchedBy: NameMatchKind | 'default';
	/** The listen that took the connection (undefined when no listen matched; see `listenMismatch`). */
	readonly listen?: Listen;
	/** No server listens on that port: the choice was made by name over all servers (nginx is behind a proxy?). */
	readonly listenMismatch: boolean;
};

/** All `server` blocks of the `http` block(s), in config order. */
export function httpServers(config: NginxConfig): {http: Directive; servers: Directive[]} {
	const http = config.directives.find(directive => directive.name === 'http' && directive.block !== undefined);
	const servers = http?.block === undefined ? [] : childrenNamed(http.block, 'server').filter(server => server.block);
	if (http === undefined || servers.length === 0) {
		throw new NginxConfigError('ERR_NGINX_NO_SERVER', 'no "http { server { … } }" block to judge a web request against', {file: config.file});
	}

	return {http, servers};
}

export function serverListens(server: Directive): Listen[] {
	const listens = childrenNamed(server.block ?? [], 'listen').map(parseListen).filter(listen => listen !== undefined);
	return listens.length > 0 ? listens : [implicitListen];
}

export function serverNames(server: Directive): string[] {
	return childrenNamed(server.block ?? [], 'server_name').flatMap(directive => directive.args);
}

/**
Chooses the server block nginx would use: first the servers listening on the arrival socket (a listen on
that exact address beats a wildcard one), then by `server_name`, else the socket's `default_server`, else
the first server listening there.
*/
export function selectServer(config: NginxConfig, host: string, socket: ArrivalSocket): ServerChoice {
	const {http, servers} = httpServers(config);
	const entries = servers.flatMap(server => serverListens(server).map(listen => ({server, listen})));
	const onPort = entries.filter(entry => entry.listen.port === socket.port && !entry.listen.address.startsWith('unix:'));
	const address = normaliseAddress(socket.address);
	const exact = address === undefined ? [] : onPort.filter(entry => normaliseAddress(entry.listen.address) === address);
	const family = address?.includes(':') ? '::' : '*';
	const wildcard = onPort.filter(entry => isWildcardAddress(entry.listen.address)
		&& (address === undefined || (entry.listen.address === '::') === (family === '::')));
	const group = exact.length > 0 ? exact : address === undefined ? onPort : wildcard;
	const listenMismatch = group.length === 0;
	const pool = listenMismatch ? servers.map(server => ({server, listen: undefined})) : group;

	const unique = [...new Set(pool.map(entry => entry.server))];
	const match = matchServerName(host, unique.map(server => serverNames(server)));
	const fallback = pool.find(entry => entry.listen?.defaultServer) ?? pool[0]!;
	const server = match === undefined ? fallback.server : unique[match.index]!;
	const listen = pool.find(entry => entry.server === server)?.listen;
	return {http, server, names: serverNames(server), matchedBy: match?.kind ?? 'default', listen, listenMismatch};
}

function normaliseAddress(address: string | undefined): string | undefined {
	if (address === undefined) {
		return undefined;
	}

	const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
	if (lower === 'localhost') {
		return '127.0.0.1';
	}

	return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
