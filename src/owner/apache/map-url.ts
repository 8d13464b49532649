import path from 'node:path';
import {compile} from './rewrite-eval.js';
import type {ApacheDirective, ApacheLocation, ApacheNode} from './types.js';

/** Where a URL-path lands on disk, and which directive put it there. */
export type UrlMapping = {
	readonly filename?: string;
	readonly via: 'alias' | 'document-root' | 'redirect' | 'none';
	readonly at?: ApacheLocation;
	readonly text?: string;
};

const aliasNames = new Set(['alias', 'aliasmatch', 'scriptalias', 'scriptaliasmatch', 'redirect', 'redirectmatch', 'redirectpermanent', 'redirecttemp']);

/**
mod_alias then core's translate_name: the virtual host's aliases before the main server's, first match wins;
otherwise DocumentRoot (the vhost's, else the main server's) + URL-path.
*/
export function mapUrl(urlPath: string, servers: {main: readonly ApacheNode[]; vhost?: readonly ApacheNode[]}, serverRoot: string): UrlMapping {
	const directives = (nodes: readonly ApacheNode[] = []) => nodes.filter((node): node is ApacheDirective => node.kind === 'directive');
	const aliases = [...directives(servers.vhost), ...directives(servers.main)].filter(node => aliasNames.has(node.name.toLowerCase()));
	for (const directive of aliases) {
		const mapped = tryAlias(directive, urlPath, serverRoot);
		if (mapped) {
			return mapped;
		}
	}

	const root = directives(servers.vhost).findLast(node => node.name.toLowerCase() === 'documentroot')
		?? directives(servers.main).findLast(node => node.name.toLowerCase() === 'documentroot');
	if (!root?.args[0]) {
		return {via: 'none'};
	}

	const base = path.resolve(serverRoot, root.args[0]).replace(/\/+$/, '');
	return {filename: base + urlPath, via: 'document-root', at: {file: root.file, line: root.line}, text: `DocumentRoot ${root.raw}`};
}

function tryAlias(directive: ApacheDirective, urlPath: string, serverRoot: string): UrlMapping | undefined {
	const name = directive.name.toLowerCase();
	const at = {file: directive.file, line: directive.line};
	const text = `${directive.name} ${directive.raw}`;
	const isRedirect = name.startsWith('redirect');
	const args = isRedirect && /^(permanent|temp|seeother|gone|\d{3})$/i.test(directive.args[0] ?? '') ? directive.args.slice(1) : directive.args;
	const [fake = '', real = ''] = args;
	if (name.endsWith('match')) {
		const regex = compile(fake, false);
		const match = regex?.exec(urlPath);
		if (!match) {
			return undefined;
		}

		const target = real.replaceAll(/\$(\d)/g, (_whole, group: string) => match[Number(group)] ?? '');
		return isRedirect ? {via: 'redirect', at, text} : {filename: path.resolve(serverRoot, target), via: 'alias', at, text};
	}

	const length = aliasMatchLength(urlPath, fake);
	if (length === 0) {
		return undefined;
	}

	// mod_alias concatenates the target as written with the rest of the URL-path.
	const target = path.isAbsolute(real) ? real : `${serverRoot.replace(/\/$/, '')}/${real}`;
	return isRedirect ? {via: 'redirect', at, text} : {filename: target + urlPath.slice(length), via: 'alias', at, text};
}

/** mod_alias `alias_matches`: prefix match where runs of slashes compare equal and the match ends at a segment boundary. */
function aliasMatchLength(uri: string, fake: string): number {
	let u = 0;
	let f = 0;
	while (f < fake.length) {
		if (fake[f] === '/') {
			if (uri[u] !== '/') {
				return 0;
			}

			while (fake[f] === '/') {
				f++;
			}

			while (uri[u] === '/') {
				u++;
			}
		} else {
			if (uri[u] !== fake[f]) {
				return 0;
			}

			u++;
			f++;
		}
	}

	return fake.endsWith('/') || u === uri.length || uri[u] === '/' ? u : 0;
}
