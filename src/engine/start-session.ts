import {checks as builtinChecks} from '../checks/registry.js';
import type {CheckDefinition} from '../checks/types.js';
import type {Flow} from '../flow/types.js';
import {createProber} from '../net/prober.js';
import {fix403UserAgent} from '../net/default-user-agent.js';
import {Session, type SessionMode} from './session.js';
import type {SessionInput} from './session-input.js';
import {sessionRedactor} from './session-redactor.js';

/** A session wired with the real checks, a polite prober per run and the session's redactor. */
export function startSession(
	flow: Flow,
	input: SessionInput,
	mode: SessionMode,
	options: {checks?: Readonly<Record<string, CheckDefinition>>; ca?: readonly string[]} = {},
): Session {
	const redactor = sessionRedactor(input);
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
		redact: text => redactor.text(text),
	});
}
