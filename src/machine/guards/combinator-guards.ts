import type {GuardDefinition} from './guard-definition.js';

export const all: GuardDefinition = {
	description: 'Every guard in `of` holds.',
	params: {of: {type: 'guard[]', required: true}},
	test: (view, params, evaluate) => (params['of'] as unknown[]).every(guard => evaluate(guard, view)),
};

export const any: GuardDefinition = {
	description: 'At least one guard in `of` holds.',
	params: {of: {type: 'guard[]', required: true}},
	test: (view, params, evaluate) => (params['of'] as unknown[]).some(guard => evaluate(guard, view)),
};

export const not: GuardDefinition = {
	description: 'The guard in `guard` does not hold.',
	params: {guard: {type: 'guard', required: true}},
	test: (view, params, evaluate) => !evaluate(params['guard'], view),
};
