import {builtinFlowPath} from './builtin-flow.js';
import {loadFlowData} from './load-flow-data.js';
import type {Flow} from './types.js';
import type {Vocabulary} from './vocabulary.js';

declare const FIX403_BUILTIN_FLOW: unknown;

/**
The flow a session runs: `--flow FILE` when given, else the built-in one. The bundle carries the built-in
flow already parsed (scripts/build.mjs), so a diagnosis neither reads nor parses YAML — a third of its CPU
time otherwise — and the YAML parser is loaded only for a user's own flow file. The data is still
validated like any flow.
*/
export async function loadSessionFlow(flowFile: string | undefined, vocabulary: Vocabulary): Promise<Flow> {
	if (flowFile === undefined && typeof FIX403_BUILTIN_FLOW !== 'undefined') {
		return loadFlowData(FIX403_BUILTIN_FLOW, 'flows/fix403.yaml (built in)', vocabulary);
	}

	const {loadFlowFile} = await import('./load-flow.js');
	return loadFlowFile(flowFile ?? builtinFlowPath(), vocabulary);
}
