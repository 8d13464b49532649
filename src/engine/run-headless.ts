import type {Flow} from '../flow/types.js';
import type {Report} from '../report/types.js';
import type {Session} from './session.js';
import type {SessionInput} from './session-input.js';
import {sessionReport} from './session-report.js';
import {startSession} from './start-session.js';

/** Runs a flow to its conclusion with no person at hand and returns the redacted report. */
export async function runHeadless(flow: Flow, input: SessionInput, options: {onSession?: (session: Session) => void; ca?: readonly string[]} = {}): Promise<Report> {
	const session = startSession(flow, input, 'headless', {ca: options.ca});
	options.onSession?.(session);
	const context = await session.done;
	return sessionReport(session.input, context);
}
