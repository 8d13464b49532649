import type {FlowContext} from './context.js';
import type {AnswerEvent} from './events.js';

const sourceNote = {user: '', option: ' (given on the command line)', default: ' (default)', previous: ' (as before)'} as const;

/** Folds an answer into the context: the value for guards, a transcript line, and any evidence it carries. */
export function applyAnswer(context: FlowContext, event: AnswerEvent): FlowContext {
	const findings = event.evidence
		? [...context.findings, {code: `answer.${event.question}.${event.value}`, text: event.evidence.text, supports: event.evidence.supports, mark: 'info' as const}]
		: context.findings;
	return {
		...context,
		answers: {...context.answers, [event.question]: event.value},
		findings,
		transcript: [...context.transcript, {kind: 'answer', text: `${event.display}${sourceNote[event.source]}`, step: event.question}],
	};
}
