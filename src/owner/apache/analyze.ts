import {isIP} from 'node:net';
import path from 'node:path';
import type {ApacheAnalysis} from './analysis.js';
import {ApacheConfigError} from './errors.js';
import {evaluateExpression} from './expr.js';
import {judgeRequest} from './judge.js';
import type {LoadOptions, ReadState} from './load.js';
import {loadApacheConfig, resolveNodes} from './load.js';
import {mapUrl} from './map-url.js';
import {nodeApacheIo} from './node-io.js';
import {parseConfigText} from './parse.js';
import {walkPath} from './path-walk.js';
import {exprLookup, rewriteLookup, setEnvLookup} from './request-lookups.js';
import {requestFacts} from './request-facts.js';
import type {RewriteOutcome} from './rewrite-eval.js';
import {evaluateRewrite} from './rewrite-eval.js';
import {mergeRewrite, readRewrite} from './rewrite-rules.js';
import {walkSections} from './section-walk.js';
import {describeScope, scopeLocation, selectVirtualHost, serverScopes} from './servers.js';
import type {ServerScope} from './servers.js';
import {applySetEnv} from './setenvif.js';
import type {ApacheConfig, ApacheIo, ApacheNode, ApacheRequest} from './types.js';

const maxHtaccessBytes = 256 * 1024;

/**
Explains what an Apache httpd 2.4 configuration does with one request: which virtual host answers, where the
URL lands on disk, which sections merge (with `.htaccess` files read along the path), and every rule that
refuses it, in the order httpd applies them. Reads files through `io` (read-only); a config path may be the
main file or a folder of config files.
*/
export async function analyzeApache(config: string | ApacheConfig, request: ApacheRequest, io: ApacheIo = nodeApacheIo, options: LoadOptions = {}): Promise<ApacheAnalysis> {
	const parsed = typeof config === 'string' ? await loadApacheConfig(config, io, options) : config;
	const facts = requestFacts(request);
	const scopes = serverScopes(parsed);
	const choice = selectVirtualHost(scopes, {host: facts.host, port: facts.port, localAddress: isIP(facts.host) ? facts.host : facts.serverAddress});
	const vhost = choice.scope.kind === 'vhost' ? choice.scope : undefined;
	const mapping = mapUrl(facts.path, {main: scopes.main.nodes, vhost: vhost?.nodes}, parsed.serverRoot);
	const pathFacts = mapping.filename ? await walkPath(mapping.filename, io) : undefined;
	const filename = pathFacts ? pathFacts.filename + (pathFacts.kind === 'directory' && facts.path.endsWith('/') && pathFacts.filename !== '/' ? '/' : '') : undefined;
	const expression = (text: string) => evaluateExpression(text, exprLookup(facts, filename));
	const state: ReadState = {serverRoot: parsed.serverRoot, variables: {...parsed.variables}, defined: new Set(), modules: parsed.modules ? new Set(parsed.modules) : undefined, files: []};
	const walk = await walkSections({
		main: scopes.main, vhost, serverRoot: parsed.serverRoot, uri: facts.path, facts: pathFacts, filename,
		accessFileNames: accessFileNames(scopes.main, vhost),
		expression,
		async loadHtaccess(file) {
			const text = await io.readText(file, maxHtaccessBytes);
			if (text === undefined) {
				return undefined;
			}

			try {
				return {nodes: await resolveNodes(parseConfigText(text, file), state, io, 0, false)};
			} catch (error) {
				if (error instanceof ApacheConfigError) {
					return {error};
				}

				throw error;
			}
		},
	});
	const {env, setBy} = applySetEnv(walk.conf.setEnv, setEnvLookup(facts));
	const lookup = rewriteLookup(facts, filename, pathFacts?.kind === 'other' ? undefined : pathFacts?.kind);
	const findings = judgeRequest({
		request: facts, serverRewrite: serverRewrite(scopes.main, vhost, facts.path, lookup), pathFacts, filename, walk, env, setBy, expression,
		rewriteLookup: lookup,
		indexFound: await indexFound(pathFacts, facts.path, walk.conf.directoryIndex.names, io),
		autoindexLoaded: parsed.modules === undefined || parsed.modules.has('autoindex_module'),
	});
	const failing = findings.filter(finding => finding.mark === 'fail');
	return {
		vhost: {name: describeScope(choice.scope), reason: choice.reason, ...scopeLocation(choice.scope)},
		mappedPath: mapping.filename,
		mappedBy: mapping.at && mapping.text ? {text: mapping.text, ...mapping.at} : undefined,
		sections: walk.blocks.map(block => ({kind: block.kind, label: block.label, file: block.file, line: block.line})),
		findings,
		verdict: failing.length > 0 ? 'forbidden' : (findings.some(finding => finding.mark === 'warn' && finding.supports) ? 'unknown' : 'allowed'),
	};
}

/** Server-context rewriting runs at URL translation, before any section: the vhost's rules (then the main server's with Inherit). */
function serverRewrite(main: ServerScope, vhost: ServerScope | undefined, uri: string, lookup: ReturnType<typeof rewriteLookup>): RewriteOutcome | undefined {
	const directives = (scope: ServerScope): ApacheNode[] => scope.nodes.filter(node => node.kind === 'directive');
	const own = readRewrite(directives(vhost ?? main));
	const conf = vhost && own?.inherit ? mergeRewrite(readRewrite(directives(main)), own) : own;
	if (!conf?.engine?.on || conf.rules.length === 0) {
		return undefined;
	}

	return evaluateRewrite(conf.rules, uri, lookup);
}

function accessFileNames(main: ServerScope, vhost: ServerScope | undefined): string[] {
	const find = (scope: ServerScope | undefined) => scope?.nodes.findLast(node => node.kind === 'directive' && node.name.toLowerCase() === 'accessfilename');
	const directive = find(vhost) ?? find(main);
	return directive?.args.length ? [...directive.args] : ['.htaccess'];
}

async function indexFound(pathFacts: Awaited<ReturnType<typeof walkPath>> | undefined, uri: string, names: readonly string[], io: ApacheIo): Promise<boolean | undefined> {
	if (pathFacts?.kind !== 'directory' || !uri.endsWith('/')) {
		return undefined;
	}

	for (const name of names) {
		if (name.startsWith('/')) {
			return undefined;
		}

		const entry = await io.stat(path.join(pathFacts.filename, name));
		if (entry && entry.kind !== 'directory') {
			return true;
		}
	}

	return false;
}
