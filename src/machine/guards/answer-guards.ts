import type {Flow} from '../../flow/types.js';
import {roles} from '../../diagnosis/cause-ids.js';
import {isAgentMode} from '../agent-mode.js';
import type {GuardDefinition} from './guard-definition.js';

const valuesOf = (params: Readonly<Record<string, unknown>>): string[] => {
	const value = params['equals'];
	const list = params['in'];
	return typeof value === 'string' ? [value] : Array.isArray(list) ? (list as string[]) : [];
};

/** Refuses answer values that the question's choices never offer: such a branch could never be taken. */
function crossCheckAnswer(params: Readonly<Record<string, unknown>>, flow: Flow): string | undefined {
	const id = params['question'];
	const node = Object.values(flow.nodes).find(node => node.kind === 'ask' && node.ask.id === id);
	if (!node || node.kind !== 'ask') {
		return `no question with id "${String(id)}" in this flow`;
	}

	const {choices, kind} = node.ask;
	const offered = choices?.map(choice => choice.value) ?? (kind === 'confirm' ? ['yes', 'no'] : undefined);
	const missing = offered ? valuesOf(params).filter(value => !offered.includes(value)) : [];
	if (params['equals'] === undefined && params['in'] === undefined) {
		return 'give equals or in';
	}

	return missing.length > 0 ? `question "${String(id)}" offers no answer "${missing[0]}" (choices: ${offered!.join(', ')})` : undefined;
}

export const answerIs: GuardDefinition = {
	description: 'The answer to a question equals a value (or is one of a list).',
	params: {question: {type: 'string', required: true}, equals: {type: 'string'}, in: {type: 'string[]'}},
	crossCheck: crossCheckAnswer,
	test: (view, params) => valuesOf(params).includes(view.answers[params['question'] as string] ?? '\u0000'),
};

export const answered: GuardDefinition = {
	description: 'The question has a non-empty answer.',
	params: {question: {type: 'string', required: true}},
	test: (view, params) => (view.answers[params['question'] as string] ?? '').trim() !== '',
};

export const roleIs: GuardDefinition = {
	description: 'The role (answer to the question with id "role", or --role) is one of these.',
	params: {in: {type: 'string[]', required: true, oneOf: roles}},
	test: (view, params) => (params['in'] as string[]).includes(view.answers['role'] ?? view.input.role ?? ''),
};

export const agentMode: GuardDefinition = {
	description: 'The session runs in support-agent mode (--agent, or the answer to the question with id "helping").',
	params: {},
	test: view => isAgentMode(view.input, view.answers),
};
