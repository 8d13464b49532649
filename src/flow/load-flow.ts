import {readFile} from 'node:fs/promises';
import {FlowError} from './flow-error.js';
import {loadFlowData} from './load-flow-data.js';
import {parseFlowText} from './parse-document.js';
import type {Flow} from './types.js';
import type {Vocabulary} from './vocabulary.js';

/** Parses and validates flow text; throws a FlowError that names the file, the place and the reason. */
export function loadFlowText(text: string, source: string, vocabulary: Vocabulary): Flow {
	const parsed = parseFlowText(text);
	if (!('lineOf' in parsed)) {
		throw new FlowError([{file: source, line: parsed.line, path: '', reason: parsed.reason}]);
	}

	return loadFlowData(parsed.data, source, vocabulary, at => parsed.lineOf(at));
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
