import {loadFlowFile} from '../flow/load-flow.js';
import {builtinFlowPath} from '../flow/builtin-flow.js';
import {toMermaid} from '../flow/to-mermaid.js';
import {vocabulary} from '../engine/vocabulary.js';
import type {CliIo} from './main.js';

/** `fix403 flow graph [FILE]` and `fix403 flow check FILE`. */
export async function runFlowCommand(command: {kind: 'flow-graph'; file?: string} | {kind: 'flow-check'; file: string}, io: CliIo): Promise<number> {
	const path = command.file ?? builtinFlowPath();
	const flow = await loadFlowFile(path, vocabulary);
	if (command.kind === 'flow-graph') {
		io.stdout.write(toMermaid(flow));
		return 0;
	}

	const counts = {ask: 0, run: 0, route: 0, conclude: 0};
	for (const node of Object.values(flow.nodes)) {
		counts[node.kind]++;
	}

	io.stdout.write(`${path}: ok — flow "${flow.id}", ${counts.ask} questions, ${counts.run} check steps, ${counts.route} decisions, ${counts.conclude} conclusions\n`);
	return 0;
}
