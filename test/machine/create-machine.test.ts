import {createActor} from 'xstate';
import {expect, test} from 'vitest';
import {vocabulary} from '../../src/engine/vocabulary.js';
import {defaultInput} from '../../src/engine/session-input.js';
import {builtinFlowPath} from '../../src/flow/builtin-flow.js';
import {loadFlowFile} from '../../src/flow/load-flow.js';
import {createFlowMachine} from '../../src/machine/create-machine.js';
import {guards} from '../../src/machine/guards/index.js';

const flow = await loadFlowFile(builtinFlowPath(), vocabulary);
const machine = createFlowMachine(flow, async () => ({step: '', results: []}));

test('the compiled machine binds every named guard and the check runner once, in setup()', () => {
	expect(Object.keys(machine.implementations.guards).sort()).toEqual(Object.keys(guards).sort());
	expect(Object.keys(machine.implementations.actors)).toEqual(['runChecks']);
	expect(Object.keys(machine.implementations.actions).sort()).toEqual(['conclude', 'recordAnswer', 'recordCheckError', 'recordChecks', 'recordQuestion']);
});

test('question text and help live in the state meta, and states are tagged for the view', () => {
	const actor = createActor(machine, {input: defaultInput}).start();
	const snapshot = actor.getSnapshot();
	const [meta] = Object.values(snapshot.getMeta()) as Array<{kind: string; question: {id: string; text: string; help?: string}}>;
	const start = flow.nodes[flow.start];
	expect(start?.kind).toBe('ask');
	expect(meta?.kind).toBe('ask');
	expect(meta?.question.text).toBe(start?.kind === 'ask' ? start.ask.text : undefined);
	expect(meta?.question.help).toBe(start?.kind === 'ask' ? start.ask.help : undefined);
	expect(snapshot.hasTag('question')).toBe(true);
	actor.stop();
});

test('a flow condition reaches XState as the named guard with its params, unchanged', () => {
	const transitions = machine.root.states['who']!.on['ANSWER']!;
	expect(transitions.map(transition => transition.guard)).toEqual([undefined]);
	const consent = machine.root.states['consent']!.on['ANSWER']!;
	expect(consent[0]?.guard).toEqual({type: 'answer-is', params: {question: 'consent', equals: 'no'}});
});
