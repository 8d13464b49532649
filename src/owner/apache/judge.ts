import type {Finding} from '../../evidence/types.js';
import {evaluateAccessCompat} from './access-compat.js';
import type {AuthzOutcome} from './authz-eval.js';
import {evaluateAuthz} from './authz-eval.js';
import type {ExprResult} from './expr.js';
import {authzFindings, compatFinding} from './findings-access.js';
import type {AccessContext} from './findings-access.js';
import {noteFindings, problemFindings, sslFinding} from './findings-notes.js';
import {directoryIndexFinding, symlinkFinding} from './findings-path.js';
import {rewriteFinding, rewriteOptionsFinding} from './findings-rewrite.js';
import type {RewriteLookup, RewriteOutcome} from './rewrite-eval.js';
import {evaluateRewrite} from './rewrite-eval.js';
import type {PathFacts} from './path-walk.js';
import type {RequestFacts} from './request-facts.js';
import type {SectionWalk} from './section-walk.js';
import type {SetEnvRule} from './setenvif.js';
import {where} from './finding-kit.js';

/** Everything gathered about one request; judging it does no I/O. */
export type JudgeInput = {
	readonly request: RequestFacts;
	readonly serverRewrite?: RewriteOutcome;
	readonly pathFacts?: PathFacts;
	readonly filename?: string;
	readonly walk: SectionWalk;
	readonly env: ReadonlyMap<string, string | undefined>;
	readonly setBy: ReadonlyMap<string, SetEnvRule>;
	readonly expression: (text: string) => ExprResult;
	readonly rewriteLookup: RewriteLookup;
	/** For a folder requested with a slash: whether a DirectoryIndex file exists (undefined: not applicable or unknown). */
	readonly indexFound?: boolean;
	readonly autoindexLoaded: boolean;
};

/**
Goes through httpd's request phases in order — server-context rewriting, the directory walk (symbolic links),
access_checker (Order/Allow/Deny, SSLRequireSSL), authorization (Require), per-directory rewriting, the
handler (directory listing) — and returns a finding for each refusal, the one httpd meets first first.
*/
export function judgeRequest(input: JudgeInput): Finding[] {
	const refusals: Finding[] = [];
	const decisive = () => !refusals.some(finding => finding.mark === 'fail');
	const add = (finding: Finding | undefined) => {
		if (finding) {
			refusals.push(finding);
		}
	};

	const {walk, request} = input;
	const context: AccessContext = {
		uri: request.path, method: request.method, clientAddress: request.clientAddress, blocks: walk.blocks, setBy: input.setBy,
		exprReads: text => [...input.expression(text).reads],
	};
	if (input.serverRewrite) {
		add(rewriteFinding(input.serverRewrite, walk.blocks, decisive()));
	}

	const stoppedBy = walk.notes.find(note => note.kind === 'symlink-blocked');
	if (stoppedBy?.kind === 'symlink-blocked') {
		add(symlinkFinding(stoppedBy.step, stoppedBy.options, stoppedBy.reason));
	} else {
		judgeAccess(input, context, add, decisive);
	}

	return [...refusals, ...noteFindings(walk.notes), ...problemFindings(walk.conf), ...otherFindings(input, refusals)];
}

function judgeAccess(input: JudgeInput, context: AccessContext, add: (finding: Finding | undefined) => void, decisive: () => boolean): void {
	const {conf} = input.walk;
	const {request} = input;
	const authz: AuthzOutcome = evaluateAuthz(conf.authz?.root, {
		method: request.method, clientAddress: request.clientAddress, clientHost: request.clientHost, serverAddress: request.serverAddress,
		secure: request.scheme === 'https', env: input.env, expression: input.expression,
	});
	const compat = conf.compat ? evaluateAccessCompat(conf.compat, {...request, env: input.env}) : undefined;
	// Satisfy Any (request.c): either the host check or the Require lines may let the request through.
	const satisfied = conf.compat?.satisfyAny !== undefined && (compat?.allowed === true || authz.status === 'granted');
	if (!satisfied) {
		add(compat ? compatFinding(compat, context, decisive()) : undefined);
		add(sslFinding(conf, request.scheme === 'https', decisive()));
		for (const finding of authzFindings(authz, context, decisive())) {
			add(finding);
		}
	}

	const rewrite = conf.rewrite;
	if (rewrite?.engine?.on && rewrite.rules.length > 0 && input.filename) {
		if (!conf.options.on.has('FollowSymLinks') && !conf.options.on.has('SymLinksIfOwnerMatch')) {
			add(rewriteOptionsFinding(conf.options.decidedBy.get('FollowSymLinks'), decisive()));
		} else {
			const prefix = rewrite.directory;
			const subject = prefix && input.filename.startsWith(prefix) ? input.filename.slice(prefix.length) : request.path.replace(/^\//, '');
			add(rewriteFinding(evaluateRewrite(rewrite.rules, subject, input.rewriteLookup), input.walk.blocks, decisive()));
		}
	}

	if (input.indexFound === false && input.autoindexLoaded && input.pathFacts) {
		add(directoryIndexFinding(`${input.pathFacts.filename}/`, conf, decisive()));
	}
}

function otherFindings(input: JudgeInput, refusals: readonly Finding[]): Finding[] {
	const findings: Finding[] = [];
	const refused = refusals.some(finding => finding.mark === 'fail' || finding.mark === 'warn');
	const other = input.serverRewrite?.other;
	if (other) {
		findings.push({
			code: 'apache.rewrite-elsewhere', vendor: 'apache', mark: 'info', location: other.rule.at,
			text: `"${other.rule.text}" at ${where(other.rule.at)} ${other.effect === 'rewrite' ? `rewrites the request to ${other.target}` : (other.effect === 'redirect' ? `redirects the request to ${other.target}` : 'answers 410 Gone')}; the analysis follows the original path.`,
		});
	}

	if (input.pathFacts?.kind === 'missing') {
		findings.push({
			code: 'apache.file-missing', vendor: 'apache', mark: 'info',
			text: `${input.pathFacts.filename} does not exist; unless a rule refuses first, Apache answers 404 for it.`,
			supports: refused ? undefined : {'wrong-url': 0.3},
		});
	}

	if (input.pathFacts?.kind === 'directory' && !input.request.path.endsWith('/')) {
		findings.push({
			code: 'apache.directory-slash', vendor: 'apache', mark: 'info',
			text: `${input.request.path} is a folder; Apache redirects it to ${input.request.path}/ (DirectorySlash) before serving it.`,
		});
	}

	if (!refused) {
		findings.push({
			code: 'apache.config-allows', vendor: 'apache', mark: 'ok',
			text: `The Apache configuration allows ${input.request.method} ${input.request.path} from ${input.request.clientAddress}; if Apache still answers 403, look at file permissions (error log AH00132/AH00035) or at what sits in front of it.`,
			supports: {'server-deny-rule': -0.6, 'ip-allowlist': -0.6, 'method-blocked': -0.4, 'directory-index-missing': -0.6, 'symlink-blocked': -0.6, 'file-permissions': 0.2},
		});
	}

	return findings;
}
