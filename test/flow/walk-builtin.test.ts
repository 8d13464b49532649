import {getAdjacencyMap, getSimplePaths} from 'xstate/graph';
import type {AnyMachineSnapshot} from 'xstate';
import {expect, test} from 'vitest';
import {vocabulary} from '../../src/engine/vocabulary.js';
import {defaultInput} from '../../src/engine/session-input.js';
import {builtinFlowPath} from '../../src/flow/builtin-flow.js';
import {loadFlowFile} from '../../src/flow/load-flow.js';
import type {Flow} from '../../src/flow/types.js';
import {createFlowMachine} from '../../src/machine/create-machine.js';

/*
Walks every path of the built-in flow through the compiled XState machine. Conditions are abstracted: every
branch's guard becomes `pick {node, index}`, each event says which branch every node it passes through takes
(`picks`), and the test provides `pick` as a lookup of that choice — so the walk covers every branch of every
node, whatever evidence would be needed to take it in a real run. Real runs against loopback servers prove
the conditions themselves.
*/

type WalkEvent = {type: string; picks: Record<string, number>; question?: string; value?: string; display?: string; source?: string; output?: unknown};

const flow: Flow = await loadFlowFile(builtinFlowPath(), vocabulary);

/** The same flow with every condition replaced by a `pick` of its node and position. */
const picking: Flow = {
	...flow,
	nodes: Object.fromEntries(Object.entries(flow.nodes).map(([name, node]) => [
		name,
		node.kind === 'conclude' ? node : {...node, next: node.next.map((branch, index) => (branch.when ? {...branch, when: {type: 'pick', params: {node: name, index}}} : branch))},
	])),
};

/** Every way through the decision nodes that follow `target`: one pick per route node passed. */
function routeChoices(target: string, picks: Record<string, number>): Array<Record<string, number>> {
	const node = flow.nodes[target];
	if (node?.kind !== 'route') {
		return [picks];
	}

	return node.next.flatMap((branch, index) => routeChoices(branch.to, {...picks, [target]: index}));
}

function eventsFor(snapshot: AnyMachineSnapshot): WalkEvent[] {
	const name = Object.keys(snapshot.getMeta()).map(id => id.split('.').at(-1)!)[0];
	const node = name === undefined ? undefined : flow.nodes[name];
	if (!node || node.kind === 'conclude' || node.kind === 'route' || snapshot.status === 'done') {
		return [];
	}

	return node.next.flatMap((branch, index) =>
		routeChoices(branch.to, {[name!]: index}).map(picks =>
			node.kind === 'ask'
				? {type: 'ANSWER', picks, question: node.ask.id, value: node.ask.default ?? node.ask.choices?.[0]?.value ?? 'x', display: 'x', source: 'user'}
				: {type: `xstate.done.actor.${name}`, picks, output: {step: name, results: []}},
		),
	);
}

const machine = createFlowMachine(picking, async () => ({step: '', results: []})).provide({
	guards: {
		pick: ({event}: {event: WalkEvent}, params: {node: string; index: number}) => event.picks?.[params.node] === params.index,
	},
} as never);

const options = {
	events: eventsFor,
	serializeState: (snapshot: AnyMachineSnapshot) => JSON.stringify(snapshot.value),
	serializeEvent: (event: WalkEvent) => JSON.stringify(event),
	input: defaultInput,
} as never;

test('every conclusion of the built-in flow is reachable through the compiled machine', () => {
	const paths = getSimplePaths(machine, options);
	const reached = new Set(paths.filter(path => path.state.status === 'done').map(path => JSON.stringify(path.state.value)));
	const conclusions = Object.entries(flow.nodes).filter(([, node]) => node.kind === 'conclude').map(([name]) => JSON.stringify(name));
	expect([...reached].sort()).toEqual(conclusions.sort());
	expect(paths.length).toBeGreaterThan(conclusions.length);
});

test('no path of the built-in flow dead-ends: from every reachable state a conclusion can be reached', () => {
	const adjacency = getAdjacencyMap(machine, options) as unknown as Record<string, {state: AnyMachineSnapshot; transitions: Record<string, {state: AnyMachineSnapshot}>}>;
	const states = Object.keys(adjacency);
	const canFinish = new Set(states.filter(key => adjacency[key]!.state.status === 'done'));
	let grew = true;
	while (grew) {
		grew = false;
		for (const key of states) {
			if (!canFinish.has(key) && Object.values(adjacency[key]!.transitions).some(next => canFinish.has(JSON.stringify(next.state.value)))) {
				canFinish.add(key);
				grew = true;
			}
		}
	}

	const stuck = states.filter(key => !canFinish.has(key));
	expect(stuck).toEqual([]);
	// Every node of the flow that is not a decision shows up as a state of its own.
	const waiting = Object.entries(flow.nodes).filter(([, node]) => node.kind !== 'route').map(([name]) => JSON.stringify(name));
	expect(states.sort()).toEqual(waiting.sort());
});
