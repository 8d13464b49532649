import {describe, expect, test} from 'vitest';
import {FlowError} from '../../src/flow/flow-error.js';
import {loadFlowText} from '../../src/flow/load-flow.js';
import {vocabulary} from '../../src/engine/vocabulary.js';

const base = (nodes: string) => `id: t
title: Test flow
start: a
nodes:
${nodes}`;

const good = base(`  a:
    ask: {id: role, kind: choice, text: Who?, default: visitor, choices: [{value: visitor, label: V}, {value: owner, label: O}]}
    next:
      - when: {type: answer-is, params: {question: role, equals: owner}}
        to: b
      - to: done
  b:
    title: Probe
    run: [{check: probe-request}]
    next: done
  done:
    conclude: {status: diagnosed, summary: ok}
`);

function problem(text: string) {
	try {
		loadFlowText(text, 'flows/t.yaml', vocabulary);
	} catch (error) {
		expect(error).toBeInstanceOf(FlowError);
		return (error as FlowError).message;
	}

	throw new Error('the flow was accepted');
}

describe('loading a flow', () => {
	test('a valid flow loads, with its nodes typed', () => {
		const flow = loadFlowText(good, 'flows/t.yaml', vocabulary);
		expect(Object.keys(flow.nodes)).toEqual(['a', 'b', 'done']);
		expect(flow.nodes['a']?.kind).toBe('ask');
	});

	test.each([
		['unknown check', good.replace('check: probe-request', 'check: probe-everything'), /flows\/t\.yaml:13: nodes\.b\.run\[0\]\.check: unknown check "probe-everything"/],
		['unknown guard', good.replace('type: answer-is', 'type: answer-was'), /flows\/t\.yaml:8: nodes\.a\.next\[0\]\.when\.type: unknown guard "answer-was"/],
		['dangling target', good.replace('to: b', 'to: bee'), /:9: nodes\.a\.next\[0\]\.to: dangling target: no node named "bee"/],
		['unknown cause in a conclusion', good.replace('{status: diagnosed, summary: ok}', '{status: diagnosed, causes: [dns-broken], summary: ok}'), /:16: nodes\.done\.conclude\.causes\[0\]: unknown cause "dns-broken"/],
		['an answer no choice offers', good.replace('equals: owner', 'equals: admin'), /nodes\.a\.next\[0\]\.when\.params: question "role" offers no answer "admin"/],
		['bad guard params', good.replace('params: {question: role, equals: owner}', 'params: {question: role, equal: owner}'), /when\.params\.equal: unknown parameter "equal"/],
		['last branch guarded', good.replace('      - to: done\n', '      - when: {type: has-response}\n        to: done\n'), /nodes\.a\.next\[1\]: the last branch must have no when/],
		['YAML syntax', good.replace('next: done\n  done', 'next: [done\n  done'), /flows\/t\.yaml:\d+: /],
		['missing start node', good.replace('start: a', 'start: zz'), /start: start names a node that does not exist: "zz"/],
		['an unknown placeholder', good.replace('summary: ok', "summary: 'ok for {hots}'"), /:16: nodes\.done\.conclude\.summary: unknown placeholder \{hots\}/],
		['unknown key', good.replace('title: Probe', 'title: Probe\n    retries: 3'), /nodes\.b\.retries: unknown key "retries"/],
	])('refuses %s, naming file, line and place', (_name, text, expected) => {
		expect(problem(text)).toMatch(expected);
	});

	test('refuses an unreachable node', () => {
		const text = `${good}  orphan:\n    conclude: {status: inconclusive, summary: never}\n`;
		expect(problem(text)).toMatch(/:17: nodes\.orphan: unreachable node: no path from start "a" leads here/);
	});

	test('refuses a dead end: a loop with no way to a conclusion', () => {
		const text = base(`  a:
    ask: {id: q, kind: confirm, text: Again?}
    next: b
  b:
    title: Loop
    run: [{check: probe-request}]
    next: a
  end:
    conclude: {status: inconclusive, summary: x}
`);
		const message = problem(text);
		expect(message).toMatch(/unreachable node|dead end/);
	});

	test('refuses decisions that loop on themselves', () => {
		const text = base(`  a:
    next:
      - when: {type: has-response}
        to: b
      - to: end
  b:
    next: a
  end:
    conclude: {status: inconclusive, summary: x}
`);
		expect(problem(text)).toMatch(/decision nodes loop without a question or check between them: a → b → a/);
	});

	test('refuses binary and oversized files', () => {
		expect(problem('id: x\0')).toMatch(/binary/);
		expect(problem(`# ${'x'.repeat(1024 * 1024 + 1)}`)).toMatch(/larger than/);
	});

	test('never evaluates anything: a YAML tag stays data', () => {
		const flow = loadFlowText(good.replace('summary: ok', 'summary: !!js/function "() => 1"'), 'flows/t.yaml', vocabulary);
		const done = flow.nodes['done'];
		expect(done?.kind === 'conclude' && done.conclude.summary).toBe('() => 1');
	});
});
