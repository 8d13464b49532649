import type {Finding} from '../../evidence/types.js';
import {placeOf} from './directives.js';
import {nginxFinding, quote, weight} from './findings.js';
import {runRewritePhase} from './rewrite-phase.js';
import {selectLocation} from './select-location.js';
import type {Directive} from './types.js';
import type {VariableLookup} from './variables.js';

export type AuthRequestJudgement = {readonly status?: number; readonly findings: readonly Finding[]};

/**
Judges `auth_request URI`: nginx sends a subrequest and passes 401/403 through, lets 2xx in, and answers
500 for anything else (ngx_http_auth_request_module). When the URI is answered inside this server by a
plain `return` the verdict is certain; otherwise (a proxied auth service) it is only a possibility.
*/
export async function judgeAuthRequest(server: Directive, authRequest: Directive, lookup: (uri: string) => VariableLookup): Promise<AuthRequestJudgement> {
	const uri = authRequest.args[0] ?? '';
	const {chain} = selectLocation(server.block ?? [], uri);
	const handler = chain.at(-1);
	const phase = handler === undefined
		? undefined
		: await runRewritePhase(handler.block ?? [], {uri, lookup: lookup(uri), assigned: new Map(), fileTest: async () => undefined});
	const code = phase?.returned?.code;
	if (code !== undefined && code >= 200 && code < 300) {
		return {findings: []};
	}

	if ((code === 401 || code === 403) && phase?.returned !== undefined) {
		return {
			status: code,
			findings: [nginxFinding({
				code: 'nginx.auth-request-refused',
				text: `${quote(authRequest)} asks ${uri}, which answers ${code} (${quote(phase.returned.directive)}); nginx passes that ${code} to the client.`,
				cause: 'missing-credentials',
				weight: code === 403 ? weight.certain : weight.conditional,
				directive: authRequest,
				fix: [`Send the credentials the auth check at ${placeOf(phase.returned.directive)} expects, or change what it answers for this request.`],
				data: {authUri: uri, authAnswer: code, answeredAt: placeOf(phase.returned.directive)},
			})],
		};
	}

	return {
		findings: [nginxFinding({
			code: 'nginx.auth-request',
			text: `${quote(authRequest)} asks an auth service first; when it answers 403 (or 401) nginx passes that status through, so credentials may be missing or refused.`,
			cause: 'missing-credentials',
			weight: weight.possible,
			directive: authRequest,
			fix: [`Check what the auth endpoint \`${uri}\` answers for this request (its log), and send the credentials it expects.`],
			data: {authUri: uri, expectedErrorLog: 'none for 401/403 from the auth service; "auth request unexpected status: N" for other codes'},
		})],
	};
}
