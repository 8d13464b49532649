import {fnmatch} from './glob.js';
import {isNamed} from './parse.js';
import type {ApacheConfig, ApacheDirective, ApacheLocation, ApacheNode, ApacheSection} from './types.js';

/** The main server or one `<VirtualHost>`: its addresses, names and top-level nodes. */
export type ServerScope = {
	readonly kind: 'main' | 'vhost';
	readonly section?: ApacheSection;
	readonly addresses: ReadonlyArray<{readonly host: string; readonly port?: number}>;
	readonly serverName?: string;
	readonly aliases: readonly string[];
	readonly nodes: readonly ApacheNode[];
};

/** Splits a configuration into the main server and its virtual hosts, in configuration order. */
export function serverScopes(config: Pick<ApacheConfig, 'nodes'>): {main: ServerScope; vhosts: ServerScope[]} {
	const vhosts: ServerScope[] = [];
	const mainNodes: ApacheNode[] = [];
	for (const node of config.nodes) {
		if (node.kind === 'section' && isNamed(node, 'VirtualHost')) {
			vhosts.push(scope('vhost', node.children, node));
		} else {
			mainNodes.push(node);
		}
	}

	return {main: scope('main', mainNodes), vhosts};
}

function scope(kind: 'main' | 'vhost', nodes: readonly ApacheNode[], section?: ApacheSection): ServerScope {
	const names = nodes.filter((node): node is ApacheDirective => node.kind === 'directive');
	const serverName = names.findLast(node => isNamed(node, 'ServerName'))?.args[0];
	return {
		kind,
		section,
		addresses: (section?.args ?? []).map(parseAddress),
		serverName: serverName === undefined ? undefined : hostOnly(serverName),
		aliases: names.filter(node => isNamed(node, 'ServerAlias')).flatMap(node => node.args.map(alias => alias.toLowerCase())),
		nodes,
	};
}

function parseAddress(text: string): {host: string; port?: number} {
	const match = /^(\[[^\]]+\]|[^:]+|\*)(?::(\d+|\*))?$/.exec(text);
	const host = (match?.[1] ?? text).replace(/^\[|\]$/g, '').toLowerCase();
	const port = match?.[2] && match[2] !== '*' ? Number(match[2]) : undefined;
	return {host, port};
}

/** `ServerName https://www.example.com:443` → `www.example.com`. */
function hostOnly(name: string): string {
	return name.replace(/^[a-z]+:\/\//i, '').replace(/:\d+$/, '').toLowerCase();
}

/** Which server answers, and why. */
export type VhostChoice = {readonly scope: ServerScope; readonly reason: string};

/**
httpd's virtual host selection: vhosts listening on the exact local address win over `*`/`_default_` ones;
within that set the first whose ServerName/ServerAlias matches the Host wins, else the first of the set;
with no vhost on the address:port, the main server answers.
*/
export function selectVirtualHost(
	scopes: {main: ServerScope; vhosts: readonly ServerScope[]},
	target: {host: string; port: number; localAddress?: string},
): VhostChoice {
	const portMatches = (port?: number) => port === undefined || port === target.port;
	const exact = scopes.vhosts.filter(vhost => vhost.addresses.some(address =>
		portMatches(address.port) && !isWildcard(address.host) && (address.host === target.localAddress || address.host === target.host)));
	const wildcard = scopes.vhosts.filter(vhost => vhost.addresses.some(address => portMatches(address.port) && isWildcard(address.host)));
	const candidates = exact.length > 0 ? exact : wildcard;
	if (candidates.length === 0) {
		return {scope: scopes.main, reason: `no <VirtualHost> listens on port ${target.port}; the main server answers`};
	}

	const named = candidates.find(vhost => vhost.serverName === target.host || vhost.aliases.some(alias => fnmatch(alias, target.host)));
	if (named) {
		return {scope: named, reason: `its ServerName/ServerAlias matches ${target.host}`};
	}

	return {scope: candidates[0] ?? scopes.main, reason: `no ServerName/ServerAlias matches ${target.host}, so the first <VirtualHost> for the address answers`};
}

function isWildcard(host: string): boolean {
	return host === '*' || host === '_default_';
}

/** A short name for reports: `<VirtualHost *:80> (www.example.com)` or `main server`. */
export function describeScope(scope: ServerScope): string {
	if (scope.kind === 'main') {
		return scope.serverName ? `main server (${scope.serverName})` : 'main server';
	}

	return `<VirtualHost ${scope.section?.raw ?? ''}>${scope.serverName ? ` (${scope.serverName})` : ''}`;
}

/** Where a virtual host is declared; the main server has no single place. */
export function scopeLocation(scope: ServerScope): ApacheLocation | undefined {
	return scope.section ? {file: scope.section.file, line: scope.section.line} : undefined;
}
