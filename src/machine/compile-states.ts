import type {Branch, Flow, FlowNode, GuardRef} from '../flow/types.js';
import type {BatchInput} from './batch.js';
import type {FlowContext} from './context.js';

/** The meta every state node carries; the UI reads it from `snapshot.getMeta()`. */
export type NodeMeta =
	| {readonly kind: 'ask'; readonly node: string; readonly question: Extract<FlowNode, {kind: 'ask'}>['ask']}
	| {readonly kind: 'run'; readonly node: string; readonly title: string; readonly checks: readonly string[]}
	| {readonly kind: 'route'; readonly node: string}
	| {readonly kind: 'conclude'; readonly node: string; readonly status: string};

type Transition = {target: string; guard?: GuardRef; actions: unknown[]};

/** A flow's branches as XState transitions; conditions pass through as they are: `{type, params}` of a named guard. */
const transitions = (branches: readonly Branch[], actions: unknown[]): Transition[] =>
	branches.map(branch => ({target: branch.to, ...(branch.when ? {guard: branch.when} : {}), actions}));

/**
The XState `states` of a flow. Ask nodes wait for ANSWER; run nodes invoke the check runner and branch on
its result; conclude nodes are final. Branch conditions stay `{type, params}` references to named guards.
*/
export function compileStates(flow: Flow): Record<string, unknown> {
	const states: Record<string, unknown> = {};
	for (const [name, node] of Object.entries(flow.nodes)) {
		states[name] = compileNode(name, node);
	}

	return states;
}

function compileNode(name: string, node: FlowNode): unknown {
	switch (node.kind) {
		case 'ask': {
			const meta: NodeMeta = {kind: 'ask', node: name, question: node.ask};
			return {
				tags: ['question'],
				meta,
				description: node.description,
				entry: [{type: 'recordQuestion', params: {id: node.ask.id, text: node.ask.text, agentText: node.ask.agentText}}],
				on: {ANSWER: transitions(node.next, ['recordAnswer'])},
			};
		}

		case 'run': {
			const meta: NodeMeta = {kind: 'run', node: name, title: node.title, checks: node.run.map(ref => ref.check)};
			const errorActions = [{type: 'recordCheckError', params: {step: name, title: node.title}}];
			return {
				tags: ['checking'],
				meta,
				description: node.description,
				invoke: {
					id: name,
					src: 'runChecks',
					input: ({context}: {context: FlowContext}): BatchInput => ({step: name, title: node.title, checks: node.run, context}),
					onDone: transitions(node.next, ['recordChecks']),
					onError: node.onError ? {target: node.onError, actions: errorActions} : transitions(node.next, errorActions),
				},
			};
		}

		case 'route': {
			const meta: NodeMeta = {kind: 'route', node: name};
			return {meta, description: node.description, always: transitions(node.next, [])};
		}

		case 'conclude': {
			const meta: NodeMeta = {kind: 'conclude', node: name, status: node.conclude.status};
			return {
				type: 'final',
				tags: ['conclusion'],
				meta,
				description: node.description,
				entry: [{type: 'conclude', params: {node: name, ...node.conclude}}],
			};
		}
	}
}
