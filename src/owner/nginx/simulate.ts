import type {Finding} from '../../evidence/types.js';
import {afterContent} from './after-content.js';
import type {FileTest} from './conditions.js';
import {runContentPhase} from './content-phase.js';
import {inheritedDirective, type RequestContext} from './context.js';
import {judgeAccess} from './judge-access.js';
import {judgeAuthRequest} from './judge-auth-request.js';
import {judgeContent} from './judge-files.js';
import {judgeLimits} from './judge-limits.js';
import {rewriteFindings} from './judge-rewrite.js';
import {testFile} from './file-test.js';
import type {NginxIo, UserInfo} from './io.js';
import {mapUriToPath} from './map-uri.js';
import {moduleVariables} from './module-variables.js';
import type {RequestFacts} from './request.js';
import {requestLookup} from './request-variables.js';
import {runRewritePhase} from './rewrite-phase.js';
import {selectLocation} from './select-location.js';
import {symlinkPolicy} from './symlink-policy.js';
import type {Directive} from './types.js';

export type SimulationInput = {
	readonly http: Directive;
	readonly server: Directive;
	readonly serverNames: readonly string[];
	readonly uri: string;
	readonly facts: RequestFacts;
	readonly prefix: string;
	readonly io: NginxIo;
	readonly user: UserInfo | undefined;
	readonly group: string;
};

export type Simulation = {
	readonly context: RequestContext;
	readonly findings: readonly Finding[];
	readonly predictedStatus?: number;
	readonly mappedPath?: string;
	readonly notes: readonly string[];
};

/** nginx allows 10 internal redirects before it answers 500; so do we. */
const maxRedirects = 10;

/**
Walks the request through nginx's phases: server rewrite, find location, rewrite, access, precontent and
content, following internal redirects (index files, `try_files` fallbacks, `rewrite … last`). Stops at the
first phase that certainly ends the request, as nginx does.
*/
export async function simulateRequest(input: SimulationInput): Promise<Simulation> {
	const {facts, io} = input;
	const findings: Finding[] = [];
	const notes: string[] = [];
	const assigned = new Map<string, string | undefined>();
	const fileTest = async (op: FileTest, path: string) => testFile(io, op, path);
	let uri = input.uri;
	let context: RequestContext = {http: input.http, server: input.server, locations: [], extra: []};
	let mappedPath: string | undefined;
	const done = (predictedStatus?: number): Simulation => ({context, findings, predictedStatus, mappedPath, notes});

	for (let pass = 0; pass <= maxRedirects; pass++) {
		let captures: readonly string[] = [];
		let documentRoot: string | undefined;
		const computed = new Map<string, string | undefined>();
		const lookup = (current: string) => requestLookup({facts, uri: current, captures, assigned, serverName: input.serverNames[0] ?? '', documentRoot, computed});
		const variables = (target: RequestContext) => {
			const module = moduleVariables(target, facts, input.serverNames, lookup(uri));
			computed.clear();
			for (const [name, value] of module.values) {
				computed.set(name, value);
			}

			return {...module, referer: facts.headers.get('referer'), userAgent: facts.headers.get('user-agent'), method: facts.method};
		};

		context = {http: input.http, server: input.server, locations: [], extra: []};
		const serverFacts = variables(context);
		const serverPhase = await runRewritePhase(input.server.block ?? [], {uri, lookup: lookup(uri), assigned, fileTest});
		findings.push(...rewriteFindings(serverPhase, 'server', serverFacts));
		if (serverPhase.returned) {
			return done(serverPhase.returned.code);
		}

		uri = serverPhase.redirectTo?.uri ?? serverPhase.uri;
		const location = selectLocation(input.server.block ?? [], uri);
		captures = location.captures;
		notes.push(...location.unsupported.map(item => `could not evaluate the regex of location ${item.args.join(' ')} (${item.file}:${item.line}) in JavaScript`));
		context = {http: input.http, server: input.server, locations: location.chain, extra: []};
		if (location.chain.length > 0) {
			const handler = location.chain.at(-1)!;
			const locationFacts = variables(context);
			const phase = await runRewritePhase(handler.block ?? [], {uri, lookup: lookup(uri), assigned, fileTest});
			findings.push(...rewriteFindings(phase, 'location', locationFacts));
			notes.push(...phase.unfollowed.map(item => `did not follow \`rewrite ${item.args.join(' ')}\` (${item.file}:${item.line})`));
			if (phase.returned) {
				return done(phase.returned.code);
			}

			if (phase.redirectTo) {
				uri = phase.redirectTo.uri;
				continue;
			}

			uri = phase.uri;
			context = {...context, extra: phase.trueIfs};
		}

		const access = judgeAccess(context, {method: facts.method, client: facts.clientAddress, hasAuthorization: facts.headers.has('authorization')});
		findings.push(...access.findings, ...judgeLimits(context));
		if (access.status !== undefined) {
			return done(access.status);
		}

		if (access.authRequest !== undefined) {
			const auth = await judgeAuthRequest(input.server, access.authRequest, lookup);
			findings.push(...auth.findings);
			if (auth.status !== undefined) {
				return done(auth.status);
			}
		}

		if (access.limitExcept !== undefined) {
			context = {...context, extra: [...context.extra, access.limitExcept]};
		}

		documentRoot = mapUriToPath(context, uri, input.prefix, lookup(uri)).documentRoot;
		const symlinks = symlinkPolicy(context, lookup(uri));
		const disableSymlinks = inheritedDirective(context, 'disable_symlinks');
		const content = await runContentPhase({context, uri, prefix: input.prefix, lookupFor: lookup, io, user: input.user, symlinks});
		mappedPath = content.mappedPath ?? mappedPath;
		findings.push(...judgeContent(content.outcome, {user: input.user, group: input.group, disableSymlinks, openCall: symlinks.mode === 'off' ? 'open' : 'openat'}));
		const next = afterContent(content.outcome, input.server, notes);
		if (next.uri === undefined) {
			return done(next.status);
		}

		uri = next.uri;
	}

	notes.push(`more than ${maxRedirects} internal redirects: nginx answers 500 ("rewrite or internal redirection cycle")`);
	return done(500);
}
