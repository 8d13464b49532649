import {checkFlow} from './check-flow.js';
import {FlowError} from './flow-error.js';
import {formatPath} from './format-path.js';
import type {PathSegment} from './parse-document.js';
import {readFlowShape} from './read-shape.js';
import type {Flow} from './types.js';
import type {Vocabulary} from './vocabulary.js';

/**
Validates parsed flow data — shape, then names and graph — and throws a FlowError listing every problem.
`lineOf` locates a problem in the text it came from; the built-in flow, embedded already parsed at build
time, has no text, so its problems are located by path only.
*/
export function loadFlowData(
	data: unknown,
	source: string,
	vocabulary: Vocabulary,
	lineOf: (at: readonly PathSegment[]) => number | undefined = () => undefined,
): Flow {
	const {flow, issues} = readFlowShape(data, source);
	const problems = flow ? checkFlow(flow, vocabulary) : issues;
	if (!flow || problems.length > 0) {
		throw new FlowError(problems.map(({at, reason}) => ({file: source, line: lineOf(at), path: formatPath(at), reason})));
	}

	return flow;
}
