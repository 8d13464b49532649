import {validateAnswer} from '../engine/answers.js';
import type {Flow, Question} from '../flow/types.js';
import {UserError} from './user-error.js';

/**
Checks every `--answer ID=VALUE` against the flow before anything runs: the question must exist (a typo would
otherwise be ignored in silence) and must accept the value (otherwise the session would stop at that
question, possibly after its requests were sent).
*/
export function checkAnswers(flow: Flow, answers: Readonly<Record<string, string>>): void {
	const questions = new Map<string, Question>();
	for (const node of Object.values(flow.nodes)) {
		if (node.kind === 'ask') {
			questions.set(node.ask.id, node.ask);
		}
	}

	for (const [id, value] of Object.entries(answers)) {
		const question = questions.get(id);
		if (!question) {
			throw new UserError(`--answer ${id}: the flow "${flow.id}" has no question "${id}" (its questions: ${[...questions.keys()].join(', ')})`);
		}

		const checked = validateAnswer(question, value);
		if ('error' in checked) {
			throw new UserError(`--answer ${id}: ${checked.error}`);
		}
	}
}
