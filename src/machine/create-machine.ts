import {assign, fromPromise, setup, type AnyStateMachine} from 'xstate';
import {conclude, type ConcludeParams} from '../diagnosis/conclude.js';
import {fillTemplate} from '../diagnosis/fill-template.js';
import type {SessionInput} from '../engine/session-input.js';
import type {Flow} from '../flow/types.js';
import {applyAnswer} from './apply-answer.js';
import {isAgentMode} from './agent-mode.js';
import {applyBatch, type BatchInput, type BatchOutput} from './batch.js';
import {initialContext, type FlowContext} from './context.js';
import {isAnswer, isBatchDone} from './events.js';
import {compileStates} from './compile-states.js';
import {guardView} from './guard-view.js';
import {evaluateGuard, guards} from './guards/index.js';

/** Runs one run node's checks; the only effectful piece, supplied by the session. */
export type BatchRunner = (input: BatchInput, signal: AbortSignal) => Promise<BatchOutput>;

/**
Builds the XState machine of a validated flow. The flow supplies only names and JSON; every name is bound
here, once, in `setup()`, so nothing in a flow file is ever evaluated as code.
*/
export function createFlowMachine(flow: Flow, runBatch: BatchRunner): AnyStateMachine {
	// Every guard a flow may name, bound once. A guard sees the context with the pending event folded in.
	const namedGuards = Object.fromEntries(
		Object.keys(guards).map(name => [
			name,
			({context, event}: {context: FlowContext; event: {type: string}}, params: Record<string, unknown> | undefined) =>
				evaluateGuard({type: name, params}, guardView(context, event)),
		]),
	);

	return setup({
		types: {} as {context: FlowContext; input: SessionInput},
		actors: {
			runChecks: fromPromise<BatchOutput, BatchInput>(async ({input, signal}) => runBatch(input, signal)),
		},
		guards: namedGuards,
		actions: {
			recordQuestion: assign(({context}, params: {id: string; text: string; agentText?: string}) => ({
				transcript: [
					...context.transcript,
					{kind: 'question' as const, text: fillTemplate(isAgentMode(context.input, context.answers) && params.agentText ? params.agentText : params.text, context), step: params.id},
				],
			})),
			recordAnswer: assign(({context, event}) => (isAnswer(event) ? applyAnswer(context, event) : context)),
			recordChecks: assign(({context, event}) => (isBatchDone(event) ? applyBatch(context, event.output) : context)),
			recordCheckError: assign(({context, event}, params: {step: string; title: string}) => {
				const error = (event as {error?: unknown}).error;
				const message = error instanceof Error ? error.message : String(error);
				return {
					transcript: [...context.transcript, {kind: 'check' as const, text: `${params.title} — could not run: ${message}`, step: params.step, mark: 'warn' as const}],
				};
			}),
			conclude: assign(({context}, params: ConcludeParams) => {
				const outcome = conclude(context, params);
				return {
					outcome,
					transcript: [...context.transcript, {kind: 'conclusion' as const, text: outcome.summary, step: params.node}],
				};
			}),
		},
	}).createMachine({
		id: flow.id,
		context: ({input}) => initialContext(input),
		initial: flow.start,
		states: compileStates(flow) as never,
	}) as unknown as AnyStateMachine;
}
