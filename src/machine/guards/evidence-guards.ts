import {causeLayers, type CauseId, type Layer} from '../../diagnosis/cause-ids.js';
import type {GuardDefinition} from './guard-definition.js';

const statusClasses = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

export const responseStatus: GuardDefinition = {
	description: 'The response under diagnosis has one of these statuses, or is in one of these classes.',
	params: {in: {type: 'number[]'}, class: {type: 'string[]', oneOf: statusClasses}},
	crossCheck: params => (params['in'] === undefined && params['class'] === undefined ? 'give in or class' : undefined),
	test(view, params) {
		const status = view.facts.primary?.status;
		if (status === undefined) {
			return false;
		}

		const list = (params['in'] as number[] | undefined) ?? [];
		const classes = (params['class'] as string[] | undefined) ?? [];
		return list.includes(status) || classes.includes(`${Math.floor(status / 100)}xx`);
	},
};

export const evidenceFrom: GuardDefinition = {
	description: 'The response under diagnosis came from one of these sources: probe (sent from here), har, paste.',
	params: {in: {type: 'string[]', required: true, oneOf: ['probe', 'har', 'paste']}},
	test: (view, params) => view.facts.primary !== undefined && (params['in'] as string[]).includes(view.facts.primary.source),
};

export const hasResponse: GuardDefinition = {
	description: 'There is a response to diagnose (from a probe, a HAR file or a pasted response).',
	params: {},
	test: view => view.facts.primary !== undefined,
};

export const hasFinding: GuardDefinition = {
	description: 'Some finding has this code, or a code starting with this prefix.',
	params: {code: {type: 'string'}, prefix: {type: 'string'}},
	crossCheck: params => (params['code'] === undefined && params['prefix'] === undefined ? 'give code or prefix' : undefined),
	test(view, params) {
		const code = params['code'] as string | undefined;
		const prefix = params['prefix'] as string | undefined;
		return view.findings.some(finding => finding.code === code || (prefix !== undefined && finding.code.startsWith(prefix)));
	},
};

const inScope = (id: CauseId, params: Readonly<Record<string, unknown>>) => {
	const causes = params['in'] as CauseId[] | undefined;
	const layer = params['layer'] as Layer | undefined;
	return (causes === undefined || causes.includes(id)) && (layer === undefined || causeLayers[id] === layer);
};

export const leadingCause: GuardDefinition = {
	description: 'The most likely cause so far is one of these (or in this layer), with at least `min` confidence (default 0.5).',
	params: {in: {type: 'cause[]'}, layer: {type: 'layer'}, min: {type: 'number'}},
	crossCheck: params => (params['in'] === undefined && params['layer'] === undefined ? 'give in or layer' : undefined),
	test(view, params) {
		const [top] = view.ranking();
		return top !== undefined && top.confidence >= ((params['min'] as number | undefined) ?? 0.5) && inScope(top.id, params);
	},
};

export const causeSupported: GuardDefinition = {
	description: 'Some cause among these (or in this layer) has at least `min` confidence (default 0.5).',
	params: {in: {type: 'cause[]'}, layer: {type: 'layer'}, min: {type: 'number'}},
	crossCheck: params => (params['in'] === undefined && params['layer'] === undefined ? 'give in or layer' : undefined),
	test: (view, params) => view.ranking().some(cause => inScope(cause.id, params) && cause.confidence >= ((params['min'] as number | undefined) ?? 0.5)),
};

export const confident: GuardDefinition = {
	description: 'The most likely cause so far has at least `min` confidence (default 0.5).',
	params: {min: {type: 'number'}},
	test: (view, params) => (view.ranking()[0]?.confidence ?? 0) >= ((params['min'] as number | undefined) ?? 0.5),
};
