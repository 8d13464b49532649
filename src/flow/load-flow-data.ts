import {checkFlow} from './check-flow.js';
import {FlowError} from './flow-error.js';
import {formatPath} from './format-path.js';
import {readFlowShape} from './read-shape.js';
import type {Flow} from './types.js';
import type {Vocabulary} from './vocabulary.js';

/**
Validates flow data that is already parsed (the built-in flow, embedded at build time) with the same
rules as a flow file; problems are located by path only, there being no text to count lines in.
*/
export function loadFlowData(data: unknown, source: string, vocabulary: Vocabulary): Flow {
	const {flow, issues} = readFlowShape(data, source);
	const problems = flow ? checkFlow(flow, vocabulary) : issues;
	if (!flow || problems.length > 0) {
		throw new FlowError(problems.map(({at, reason}) => ({file: source, path: formatPath(at), reason})));
	}

	return flow;
}
