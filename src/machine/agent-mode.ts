import type {SessionInput} from '../engine/session-input.js';

/** Support-agent mode: `--agent`, or the answer to the "helping someone else" question. */
export function isAgentMode(input: SessionInput, answers: Readonly<Record<string, string>>): boolean {
	return input.agent || answers['helping'] === 'yes';
}
