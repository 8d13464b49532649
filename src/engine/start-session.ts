import {checks as builtinChecks} from '../checks/registry.js';
import type {CheckDefinition} from '../checks/types.js';
import type {Flow} from '../flow/types.js';
import {createProber} from '../net/prober.js';
import {fix403UserAgent} from '../net/default-user-agent.js';
import {Session, type SessionMode} from './session.js';
import type {SessionInput} from './session-input.js';
import {sessionRedactor} from './session-redactor.js';
import type {FlowContext} from '../machine/context.js';
import type {Redactor} from '../report/redact/index.js';

/** A session wired with the real checks, a polite prober per run and the session's redactor. */
export function startSession(
	flow: Flow,
	input: SessionInput,
	mode: SessionMode,
	options: {checks?: Readonly<Record<string, CheckDefinition>>; ca?: readonly string[]} = {},
): Session {
	let cached: {facts: unknown; input: SessionInput; redactor: Redactor} | undefined;
	const redactorFor = (current: SessionInput, context: FlowContext): Redactor => {
		const {request, learnedSecrets} = context.facts;
		if (cached === undefined || cached.facts !== context.facts || cached.input !== current) {
			cached = {facts: context.facts, input: current, redactor: sessionRedactor(current, request?.headers, learnedSecrets)};
		}

		return cached.redactor;
	};

	return new Session(input, mode, {
		flow,
		checks: options.checks ?? builtinChecks,
		createProber: current =>
			createProber({
				maxRequests: current.maxRequests,
				timeoutMs: current.timeoutMs,
				insecure: current.insecure,
				userAgent: fix403UserAgent,
				ca: options.ca,
			}),
		redact: (text, context, current) => redactorFor(current, context).text(text),
	});
}
