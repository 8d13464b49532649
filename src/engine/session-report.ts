import type {FlowContext} from '../machine/context.js';
import {buildReport} from '../report/build-report.js';
import type {Report} from '../report/types.js';
import type {SessionInput} from './session-input.js';
import {sessionRedactor} from './session-redactor.js';

/** The redacted report of a finished (or stopped) session: what every output and export starts from. */
export function sessionReport(input: SessionInput, context: FlowContext, now?: number): Report {
	return sessionRedactor(input, context.facts.request?.headers, context.facts.learnedSecrets).report(buildReport(context, {insecure: input.insecure, now}));
}
