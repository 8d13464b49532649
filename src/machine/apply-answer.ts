import type {FlowContext} from './context.js';
import type {AnswerEvent} from './events.js';

const sourceNote = {user: '', option: ' (given on the command line)', default: ' (default)', previous: ' (as before)'} as const;

/** Folds an answer into the context: the value for guards, a transcript line, and any evidence it carries. */
export function applyAnswer(context: FlowContext, event: AnswerEvent): FlowContext {
	const code = `answer.${event.question}.${event.value}`;
	// Folding the same answer twice (a guard's view of an answer already assigned) must not count it twice.
	const findings = event.evidence && !context.findings.some(finding => finding.code === code)
		? [...context.findings, {code, text: event.evidence.text, supports: event.evidence.supports, mark: 'info' as const}]
		: context.findings;
	return {
		...context,
		answers: {...context.answers, [event.question]: event.value},
		findings,
		transcript: [...context.transcript, {kind: 'answer', text: `${event.display}${sourceNote[event.source]}`, step: event.question}],
	};
}
