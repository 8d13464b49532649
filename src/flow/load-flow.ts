import {readFile} from 'node:fs/promises';
import {checkFlow} from './check-flow.js';
import {FlowError, type FlowProblem} from './flow-error.js';
import {formatPath} from './format-path.js';
import {parseFlowText, type PathSegment} from './parse-document.js';
import {readFlowShape} from './read-shape.js';
import type {Flow} from './types.js';
import type {Vocabulary} from './vocabulary.js';

/** Parses and validates flow text; throws a FlowError that names the file, the place and the reason. */
export function loadFlowText(text: string, source: string, vocabulary: Vocabulary): Flow {
	const parsed = parseFlowText(text);
	if (!('lineOf' in parsed)) {
		throw new FlowError([{file: source, line: parsed.line, path: '', reason: parsed.reason}]);
	}

	const toProblem = ({at, reason}: {at: readonly PathSegment[]; reason: string}): FlowProblem => ({
		file: source,
		line: parsed.lineOf(at),
		path: formatPath(at),
		reason,
	});

	const {flow, issues} = readFlowShape(parsed.data, source);
	if (!flow) {
		throw new FlowError(issues.map(toProblem));
	}

	const problems = checkFlow(flow, vocabulary);
	if (problems.length > 0) {
		throw new FlowError(problems.map(toProblem));
	}

	return flow;
}

/** Reads a flow file from disk; unreadable files become a FlowError too (one line, exit 2). */
export async function loadFlowFile(path: string, vocabulary: Vocabulary): Promise<Flow> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a flow file' : `cannot read it (${code ?? 'unknown error'})`;
		throw new FlowError([{file: path, path: '', reason}]);
	}

	return loadFlowText(text, path, vocabulary);
}
