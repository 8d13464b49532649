import {vocabulary} from '../../src/engine/vocabulary.js';
import {builtinFlowPath} from '../../src/flow/builtin-flow.js';
import {loadFlowFile} from '../../src/flow/load-flow.js';
import type {Flow} from '../../src/flow/types.js';

let loaded: Promise<Flow> | undefined;

/** The built-in flow, flows/fix403.yaml, loaded and checked as the CLI does; the wizard's tests run through it. */
export async function builtinFlow(): Promise<Flow> {
	loaded ??= loadFlowFile(builtinFlowPath(), vocabulary);
	return loaded;
}
