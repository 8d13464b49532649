import {serverNow} from '../evidence/clock.js';
import {readToken} from '../evidence/jwt.js';
import type {FlowContext} from '../machine/context.js';
import {findHeader, originalRequest} from './original-request.js';
import type {CheckDefinition} from './types.js';

/** The bearer token of the request: --token, or an `Authorization: Bearer …` header given or learned. */
export function bearerToken(context: FlowContext): string | undefined {
	if (context.input.token !== undefined) {
		return context.input.token;
	}

	const request = originalRequest(context);
	const authorization = (request && findHeader(request, 'authorization')) ?? context.facts.primary?.requestHeaders?.['authorization'];
	const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
	return match?.[1];
}

/** Decodes the bearer token (a JWT's claims; never its signature) and judges its times and audience. */
export const decodeToken: CheckDefinition = {
	name: 'decode-token',
	description: 'Decode the bearer token when it is a JWT: expiry, not-before, audience, issuer and scopes.',
	params: {audience: {type: 'string', description: 'the audience the API expects, when known'}},
	label: () => 'Reading the token',
	async run(params, context, env) {
		const token = bearerToken(context);
		if (token === undefined) {
			return {summary: 'skipped: no bearer token in the request', mark: 'info', skipped: true};
		}

		const primary = context.facts.primary;
		const reading = readToken(token, {
			now: primary?.receivedAt ?? env.now(),
			serverDate: primary?.receivedAt === undefined ? undefined : serverNow(primary),
			expectedAudience: params['audience'] as string | undefined,
		});
		const problem = reading.findings.find(finding => finding.supports);
		return {
			findings: reading.findings,
			summary: reading.decoded ? (problem ? problem.text : 'a JWT whose times and claims look valid') : (reading.findings[0]?.text ?? 'an opaque token'),
			mark: problem ? 'fail' : 'ok',
		};
	},
};
