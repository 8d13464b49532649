import type {SessionInput} from '../../engine/session-input.js';
import type {GuardDefinition} from './guard-definition.js';

/** Session inputs a flow may ask about; the names are the command line's, in camel case. */
export const inputFields = [
	'url',
	'cookie',
	'token',
	'referer',
	'userAgent',
	'docroot',
	'webUser',
	'nginxConf',
	'apacheConf',
	'accessLog',
	'errorLog',
	'phpFpmConf',
	'har',
	'headersFile',
] as const satisfies ReadonlyArray<keyof SessionInput>;

export const inputHas: GuardDefinition = {
	description: 'The session was given this input (an option, or an answer that provides it).',
	params: {field: {type: 'string', required: true, oneOf: inputFields}},
	test(view, params) {
		const field = params['field'] as (typeof inputFields)[number];
		const value = view.input[field] ?? view.answers[field];
		return typeof value === 'string' && value.trim() !== '';
	},
};

export const probingAllowed: GuardDefinition = {
	description: 'Requests may be sent to the target: a URL is known and --no-probe was not given.',
	params: {},
	test: view => view.input.probe && Boolean(view.input.url ?? view.answers['url'] ?? view.facts.request?.url),
};
