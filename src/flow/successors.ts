import type {Flow} from './types.js';

/** The nodes one step away from `name`: every branch target, and the error target of a run node. */
export function successors(flow: Flow, name: string): string[] {
	const node = flow.nodes[name];
	if (node === undefined || node.kind === 'conclude') {
		return [];
	}

	const targets = node.next.map(branch => branch.to);
	if (node.kind === 'run' && node.onError !== undefined) {
		targets.push(node.onError);
	}

	return [...new Set(targets)];
}
