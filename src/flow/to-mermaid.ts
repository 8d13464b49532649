import type {Flow, GuardRef} from './types.js';

/** A Mermaid flowchart of a flow: questions as rounded boxes, checks as boxes, conclusions as stadiums. */
export function toMermaid(flow: Flow): string {
	const lines = ['flowchart TD', `  %% ${flow.title.replaceAll('\n', ' ')}`];
	const id = (name: string) => `n_${name.replaceAll('-', '_')}`;
	for (const [name, node] of Object.entries(flow.nodes)) {
		switch (node.kind) {
			case 'ask': {
				lines.push(`  ${id(name)}("${label(`${name}: ${node.ask.text}`)}")`);
				break;
			}

			case 'run': {
				lines.push(`  ${id(name)}["${label(`${node.title}: ${node.run.map(ref => ref.check).join(', ')}`)}"]`);
				break;
			}

			case 'route': {
				lines.push(`  ${id(name)}{"${label(name)}"}`);
				break;
			}

			case 'conclude': {
				const causes = node.conclude.causes ? ` (${node.conclude.causes.join(', ')})` : '';
				lines.push(`  ${id(name)}(["${label(`${node.conclude.status}${causes}`)}"])`);
				break;
			}
		}
	}

	for (const [name, node] of Object.entries(flow.nodes)) {
		if (node.kind === 'conclude') {
			continue;
		}

		for (const branch of node.next) {
			lines.push(branch.when ? `  ${id(name)} -->|"${label(describeGuard(branch.when))}"| ${id(branch.to)}` : `  ${id(name)} --> ${id(branch.to)}`);
		}

		if (node.kind === 'run' && node.onError) {
			lines.push(`  ${id(name)} -.->|error| ${id(node.onError)}`);
		}
	}

	return `${lines.join('\n')}\n`;
}

/** A guard as short text: `role-is in=owner`, `not(has-response)`. */
export function describeGuard(guard: GuardRef): string {
	const params = guard.params ?? {};
	if (guard.type === 'not') {
		return `not(${describeGuard(params['guard'] as GuardRef)})`;
	}

	if (guard.type === 'all' || guard.type === 'any') {
		return (params['of'] as GuardRef[]).map(describeGuard).join(guard.type === 'all' ? ' and ' : ' or ');
	}

	const args = Object.entries(params).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : String(value)}`);
	return [guard.type, ...args].join(' ');
}

function label(text: string): string {
	const flat = text.replaceAll(/\s+/g, ' ').trim();
	const short = flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
	return short.replaceAll('"', '#quot;');
}
