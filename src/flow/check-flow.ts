import {checkParams, type ParamIssue} from './param-spec.js';
import {isGuardShape} from './read-shape.js';
import type {PathSegment} from './parse-document.js';
import type {Flow} from './types.js';
import type {Vocabulary} from './vocabulary.js';
import {successors} from './successors.js';
import {placeholders} from '../diagnosis/fill-template.js';

export type CheckIssue = {readonly at: readonly PathSegment[]; readonly reason: string};

/**
Judges a well-shaped flow against the vocabulary and as a graph: every name known and its params valid,
every target present, every node reachable from `start`, every node able to reach a conclusion, and every
branch list ending in an otherwise-branch so that no run can stop between nodes.
*/
export function checkFlow(flow: Flow, vocabulary: Vocabulary): CheckIssue[] {
	const issues: CheckIssue[] = [];
	const issue = (at: readonly PathSegment[], reason: string) => {
		issues.push({at, reason});
	};

	const names = new Set(Object.keys(flow.nodes));
	if (!names.has(flow.start)) {
		issue(['start'], `start names a node that does not exist: "${flow.start}"`);
	}

	const questionIds = new Map<string, string>();
	for (const [name, node] of Object.entries(flow.nodes)) {
		const at = ['nodes', name];
		for (const [where, text] of textsOf(node)) {
			const unknown = [...text.matchAll(/\{(\w+)\}/g)].map(match => match[1]!).find(word => !(placeholders as readonly string[]).includes(word));
			if (unknown !== undefined) {
				issue([...at, ...where], `unknown placeholder {${unknown}} (known: ${placeholders.map(word => `{${word}}`).join(', ')})`);
			}
		}

		if (node.kind === 'conclude' || node.kind === 'route') {
			continue;
		}

		if (node.kind === 'ask') {
			const {ask} = node;
			const other = questionIds.get(ask.id);
			if (other === undefined) {
				questionIds.set(ask.id, name);
			} else {
				issue([...at, 'ask', 'id'], `question id "${ask.id}" is already asked by node "${other}"`);
			}

			if (ask.validate !== undefined && !vocabulary.validators.includes(ask.validate)) {
				issue([...at, 'ask', 'validate'], `unknown validator "${ask.validate}" (known: ${vocabulary.validators.join(', ')})`);
			}

			if (ask.prefill !== undefined && !vocabulary.prefills.includes(ask.prefill)) {
				issue([...at, 'ask', 'prefill'], `unknown prefill "${ask.prefill}" (known: ${vocabulary.prefills.join(', ')})`);
			}
		} else if (node.kind === 'run') {
			for (const [index, ref] of node.run.entries()) {
				const here = [...at, 'run', index];
				const entry = vocabulary.checks[ref.check];
				if (entry === undefined) {
					issue([...here, 'check'], `unknown check "${ref.check}" (known: ${Object.keys(vocabulary.checks).join(', ')})`);
					continue;
				}

				for (const problem of checkParams(entry.params, ref.params, 'params', () => [])) {
					issue([...here, ...splitPath(problem.path)], problem.reason);
				}
			}

			if (node.onError !== undefined && !names.has(node.onError)) {
				issue([...at, 'onError'], `onError names a node that does not exist: "${node.onError}"`);
			}
		}

		checkBranches(flow, name, vocabulary, issue);
	}

	if (issues.length === 0) {
		checkGraph(flow, issue);
	}

	return issues;
}

/** The texts of a node that placeholders may appear in, with where they sit. */
function textsOf(node: Flow['nodes'][string]): Array<[PathSegment[], string]> {
	switch (node.kind) {
		case 'ask': {
			const {text, agentText, help} = node.ask;
			return [[['ask', 'text'], text], ...(agentText ? [[['ask', 'agentText'], agentText] as [PathSegment[], string]] : []), ...(help ? [[['ask', 'help'], help] as [PathSegment[], string]] : [])];
		}

		case 'run': {
			return [[['title'], node.title]];
		}

		case 'conclude': {
			return [[['conclude', 'summary'], node.conclude.summary]];
		}

		case 'route': {
			return [];
		}
	}
}

function checkBranches(flow: Flow, name: string, vocabulary: Vocabulary, issue: (at: readonly PathSegment[], reason: string) => void) {
	const node = flow.nodes[name]!;
	if (node.kind === 'conclude') {
		return;
	}

	const seenGuards = new Set<string>();
	for (const [index, branch] of node.next.entries()) {
		const at = ['nodes', name, 'next', index];
		if (!Object.hasOwn(flow.nodes, branch.to)) {
			issue([...at, 'to'], `dangling target: no node named "${branch.to}"`);
		}

		const isLast = index === node.next.length - 1;
		if (branch.when === undefined) {
			if (!isLast) {
				issue(at, 'a branch without when must be the last one: the branches after it can never be taken');
			}

			continue;
		}

		if (isLast) {
			issue(at, 'the last branch must have no when (the otherwise-branch), or a run could stop here with nowhere to go');
		}

		const key = JSON.stringify(branch.when);
		if (seenGuards.has(key)) {
			issue([...at, 'when'], 'the same condition appears in an earlier branch of this node, so this branch can never be taken');
		}

		seenGuards.add(key);
		for (const problem of checkGuard(branch.when, 'when', vocabulary, flow)) {
			issue([...at, ...splitPath(problem.path)], problem.reason);
		}
	}
}

function checkGuard(guard: unknown, path: string, vocabulary: Vocabulary, flow: Flow): ParamIssue[] {
	if (!isGuardShape(guard)) {
		return [{path, reason: 'a guard is {type: <name>, params: {...}}'}];
	}

	const entry = vocabulary.guards[guard.type];
	if (entry === undefined) {
		return [{path: `${path}.type`, reason: `unknown guard "${guard.type}" (known: ${Object.keys(vocabulary.guards).join(', ')})`}];
	}

	const issues = checkParams(entry.params, guard.params, `${path}.params`, (inner, innerPath) => checkGuard(inner, innerPath, vocabulary, flow));
	if (issues.length === 0 && entry.crossCheck) {
		const reason = entry.crossCheck(guard.params ?? {}, flow);
		if (reason !== undefined) {
			issues.push({path: `${path}.params`, reason});
		}
	}

	return issues;
}

function checkGraph(flow: Flow, issue: (at: readonly PathSegment[], reason: string) => void) {
	const reachable = new Set<string>([flow.start]);
	const queue = [flow.start];
	while (queue.length > 0) {
		for (const next of successors(flow, queue.shift()!)) {
			if (!reachable.has(next)) {
				reachable.add(next);
				queue.push(next);
			}
		}
	}

	for (const name of Object.keys(flow.nodes)) {
		if (!reachable.has(name)) {
			issue(['nodes', name], `unreachable node: no path from start "${flow.start}" leads here`);
		}
	}

	const conclusions = Object.keys(flow.nodes).filter(name => flow.nodes[name]!.kind === 'conclude');
	if (conclusions.length === 0) {
		issue(['nodes'], 'the flow has no conclude node, so no run can end with a report');
		return;
	}

	// Walk the edges backwards from the conclusions: a node that no conclusion is reachable from dead-ends.
	const ends = new Set(conclusions);
	let grew = true;
	while (grew) {
		grew = false;
		for (const name of Object.keys(flow.nodes)) {
			if (!ends.has(name) && successors(flow, name).some(next => ends.has(next))) {
				ends.add(name);
				grew = true;
			}
		}
	}

	for (const name of reachable) {
		if (!ends.has(name)) {
			issue(['nodes', name], 'dead end: no conclusion can be reached from this node (a loop with no way out?)');
		}
	}

	const loop = decisionLoop(flow);
	if (loop) {
		issue(['nodes', loop[0]!], `decision nodes loop without a question or check between them: ${loop.join(' → ')}`);
	}
}

/** A cycle made only of route nodes would spin forever without waiting for anything. */
function decisionLoop(flow: Flow): string[] | undefined {
	const isRoute = (name: string) => flow.nodes[name]?.kind === 'route';
	const state = new Map<string, 'open' | 'done'>();
	const visit = (name: string, path: string[]): string[] | undefined => {
		state.set(name, 'open');
		for (const next of successors(flow, name).filter(isRoute)) {
			if (state.get(next) === 'open') {
				return [...path.slice(path.indexOf(next)), next];
			}

			if (!state.has(next)) {
				const found = visit(next, [...path, next]);
				if (found) {
					return found;
				}
			}
		}

		state.set(name, 'done');
		return undefined;
	};

	for (const name of Object.keys(flow.nodes).filter(isRoute)) {
		if (!state.has(name)) {
			const found = visit(name, [name]);
			if (found) {
				return found;
			}
		}
	}

	return undefined;
}

function splitPath(path: string): PathSegment[] {
	return path.split(/\.|\[(\d+)\]/).filter(part => part !== undefined && part !== '').map(part => (/^\d+$/.test(part) ? Number(part) : part));
}
