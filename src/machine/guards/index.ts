import type {GuardView} from '../guard-view.js';
import {agentMode, answered, answerIs, roleIs} from './answer-guards.js';
import {all, any, not} from './combinator-guards.js';
import {causeSupported, confident, evidenceFrom, hasFinding, hasResponse, leadingCause, responseStatus} from './evidence-guards.js';
import type {GuardDefinition} from './guard-definition.js';
import {inputHas, probingAllowed} from './input-guards.js';

/** Every guard a flow file may name. */
export const guards: Readonly<Record<string, GuardDefinition>> = {
	'answer-is': answerIs,
	answered,
	'role-is': roleIs,
	'agent-mode': agentMode,
	'input-has': inputHas,
	'probing-allowed': probingAllowed,
	'response-status': responseStatus,
	'has-response': hasResponse,
	'evidence-from': evidenceFrom,
	'has-finding': hasFinding,
	'leading-cause': leadingCause,
	'cause-supported': causeSupported,
	confident,
	all,
	any,
	not,
};

/** Evaluates a guard reference (already validated at load time) against a view. */
export function evaluateGuard(guard: unknown, view: GuardView): boolean {
	const {type, params} = guard as {type: string; params?: Record<string, unknown>};
	const definition = guards[type];
	if (!definition) {
		throw new Error(`guard "${type}" is not registered`);
	}

	return definition.test(view, params ?? {}, evaluateGuard);
}
