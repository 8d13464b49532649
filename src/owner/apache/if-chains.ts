import type {ApacheNode, ApacheSection} from './types.js';

/** An `<If>` with the `<ElseIf>`/`<Else>` siblings that follow it: the first branch that holds applies. */
export type IfChain = {readonly section: ApacheSection; readonly chain: ApacheSection[]; readonly origin: 'main' | 'vhost' | 'htaccess'};

/** Groups the `<If>`/`<ElseIf>`/`<Else>` sections among a block's nodes, in order. */
export function ifChains(nodes: readonly ApacheNode[], origin: IfChain['origin']): IfChain[] {
	const chains: IfChain[] = [];
	for (const node of nodes) {
		if (node.kind !== 'section') {
			continue;
		}

		const name = node.name.toLowerCase();
		if (name === 'if') {
			chains.push({section: node, chain: [node], origin});
		} else if ((name === 'elseif' || name === 'else') && chains.length > 0) {
			chains.at(-1)?.chain.push(node);
		}
	}

	return chains;
}
