import {isIP} from 'node:net';
import type {Finding} from '../../evidence/types.js';
import type {NginxBuildInfo} from './build-info.js';
import {NginxConfigError} from './config-error.js';
import {configAllowsFinding, strongest} from './findings.js';
import type {NginxIo} from './io.js';
import {loadNginxConfig} from './load-config.js';
import {normalizeUri} from './normalize-uri.js';
import {renderChain} from './render-chain.js';
import {requestFacts, type NginxRequest} from './request.js';
import {selectServer} from './select-server.js';
import {locationMatchText} from './location-text.js';
import {simulateRequest} from './simulate.js';
import type {NginxConfig} from './types.js';
import {webUserFromNginx} from './web-user.js';

export type NginxAnalysis = {
	/** The server block that handles the request. */
	readonly server: {readonly file: string; readonly line: number; readonly names: readonly string[]};
	/** The location that handles it; `match` is '' (and the place is the server's) when none matched. */
	readonly location: {readonly file: string; readonly line: number; readonly match: string};
	/** The file or folder the URL maps to. */
	readonly mappedPath?: string;
	/** What nginx would answer, when the simulation could tell (403, 200, 404, …). */
	readonly predictedStatus?: number;
	/** What in the chosen context forbids the request, strongest first. */
	readonly findings: readonly Finding[];
	/** A few lines for people: server → location → file → verdict. */
	readonly chain: string;
	/** The account nginx workers run as (used for the permission checks). */
	readonly webUser: string;
	/** What the analysis could not follow (unsupported regexes, unknown variables, named locations). */
	readonly notes: readonly string[];
};

export type AnalyzeOptions = {
	/** nginx's `-p` prefix, for a config given as a path. */
	readonly prefix?: string;
	/** From `findNginxConfig`: the build's default worker user. */
	readonly build?: Pick<NginxBuildInfo, 'user' | 'group'>;
};

/**
Tells what in an nginx configuration forbids a request: picks the server and location as nginx does, maps
the URL to a file, runs the rewrite, access and content phases, and checks the path on disk as the worker
user. `source` is a parsed config, or a path: the main file, a folder (its nginx.conf, or a folder of site
files), or a saved `nginx -T` output. Rejects with `NginxConfigError` for an unreadable or malformed
configuration or a bad URL; a 403 found is data in the result, never an error.
*/
export async function analyzeNginx(
	source: string | NginxConfig,
	request: NginxRequest,
	io: NginxIo,
	options: AnalyzeOptions = {},
): Promise<NginxAnalysis> {
	const config = typeof source === 'string' ? await loadNginxConfig(source, io, {prefix: options.prefix}) : source;
	const facts = requestFacts(request);
	if ('error' in facts) {
		throw new NginxConfigError('ERR_NGINX_BAD_REQUEST', facts.error, {file: '<request>'});
	}

	const socketAddress = request.arrival?.address ?? (isIP(facts.host) === 0 ? (facts.host === 'localhost' ? '127.0.0.1' : undefined) : facts.host);
	const choice = selectServer(config, facts.host, {address: socketAddress, port: request.arrival?.port ?? facts.port});
	const web = webUserFromNginx(config, options.build);
	const user = await io.lookupUser(web.user);
	const server = {file: choice.server.file, line: choice.server.line, names: choice.names};
	const notes: string[] = [];
	if (user === undefined) {
		notes.push(`user "${web.user}" does not exist here, so file permissions were not checked`);
	}

	if (choice.listenMismatch) {
		notes.push(`no server listens on port ${request.arrival?.port ?? facts.port}; chose by name among all servers (is nginx behind a proxy? pass the port nginx listens on)`);
	}

	const uri = normalizeUri(facts.rawPath);
	if (uri === undefined) {
		const location = {file: server.file, line: server.line, match: ''};
		notes.push('the path does not normalise (".." above the root or an encoded NUL): nginx answers 400');
		return finish({server, location, findings: [], notes, webUser: web.user, predictedStatus: 400, matchedBy: choice.matchedBy});
	}

	const simulation = await simulateRequest({
		http: choice.http,
		server: choice.server,
		serverNames: choice.names,
		uri,
		facts,
		prefix: config.prefix,
		io,
		user,
		group: web.group,
	});
	const handling = simulation.context.locations.at(-1) ?? choice.server;
	return finish({
		server,
		location: {file: handling.file, line: handling.line, match: locationMatchText(simulation.context)},
		mappedPath: simulation.mappedPath,
		predictedStatus: simulation.predictedStatus,
		findings: simulation.findings,
		notes: [...notes, ...simulation.notes],
		webUser: web.user,
		matchedBy: choice.matchedBy,
	});
}

type Draft = Omit<NginxAnalysis, 'chain'> & {readonly matchedBy: string};

function finish(draft: Draft): NginxAnalysis {
	const {matchedBy, ...analysis} = draft;
	const seen = new Set<string>();
	const findings = analysis.findings
		.filter(finding => {
			const key = `${finding.code}@${finding.location?.file ?? ''}:${finding.location?.line ?? ''}`;
			return seen.has(key) ? false : Boolean(seen.add(key));
		})
		.map((finding, order) => ({finding, order}))
		.sort((a, b) => strongest(b.finding) - strongest(a.finding) || a.order - b.order)
		.map(({finding}) => finding);
	const matched = matchedBy === 'default' ? 'default server for the port' : `${matchedBy} server_name match`;
	const status = analysis.predictedStatus;
	if (status !== undefined && status !== 403 && !findings.some(finding => strongest(finding) >= 0.7)) {
		findings.push(configAllowsFinding(status, analysis.mappedPath ?? analysis.location.match));
	}

	return {...analysis, findings, chain: renderChain({...analysis, findings, matchedBy: matched})};
}
