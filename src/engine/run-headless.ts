import type {Flow} from '../flow/types.js';
import {buildReport} from '../report/build-report.js';
import type {Report} from '../report/types.js';
import type {Session} from './session.js';
import type {SessionInput} from './session-input.js';
import {sessionRedactor} from './session-redactor.js';
import {startSession} from './start-session.js';

/** Runs a flow to its conclusion with no person at hand and returns the redacted report. */
export async function runHeadless(flow: Flow, input: SessionInput, options: {onSession?: (session: Session) => void; ca?: readonly string[]} = {}): Promise<Report> {
	const session = startSession(flow, input, 'headless', {ca: options.ca});
	options.onSession?.(session);
	const context = await session.done;
	return sessionRedactor(session.input).report(buildReport(context, {insecure: input.insecure}));
}
