import {isMap, isNode, isScalar, LineCounter, parseDocument, visit} from 'yaml';

export type PathSegment = string | number;

export type ParsedDocument = {
	readonly data: unknown;
	/** 1-based line of the value at `path`, or of its nearest ancestor that exists. */
	lineOf(path: readonly PathSegment[]): number | undefined;
};

export type SyntaxProblem = {readonly line?: number; readonly reason: string};

/** Flow files may be larger than a hand-written flow ever is, but not unboundedly so. */
export const maxFlowBytes = 1024 * 1024;

/**
Parses YAML (JSON is valid YAML, so `.json` flows take the same path) into plain data, keeping a way back
to line numbers for error messages. Never evaluates anything: custom tags and aliases are refused.
*/
export function parseFlowText(text: string): ParsedDocument | SyntaxProblem {
	if (Buffer.byteLength(text) > maxFlowBytes) {
		return {reason: `file is larger than ${maxFlowBytes / 1024} KiB`};
	}

	if (text.includes('\0')) {
		return {reason: 'file is binary, not YAML or JSON'};
	}

	const lineCounter = new LineCounter();
	const document = parseDocument(text, {lineCounter, prettyErrors: true, uniqueKeys: true});
	const [error] = document.errors;
	if (error) {
		const line = error.linePos?.[0]?.line;
		return {line, reason: firstLine(error.message)};
	}

	const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
	// Aliases would make the data a graph (and `toJS` with no alias budget throws): a flow is a plain tree.
	let alias: number | undefined;
	visit(document, {
		Alias(_key, node) {
			alias = node.range?.[0] ?? 0;
			return visit.BREAK;
		},
	});
	if (alias !== undefined) {
		return {line: lineAt(alias), reason: 'aliases (*name) are not allowed in a flow file: write the value out'};
	}

	return {
		data: document.toJS({maxAliasCount: 0}) as unknown,
		lineOf(path) {
			for (let length = path.length; length >= 0; length--) {
				// A mapping entry is reported at its key's line, where a reader looks for it.
				const parent = length > 0 ? document.getIn(path.slice(0, length - 1), true) : undefined;
				const pair = isMap(parent) ? parent.items.find(item => isScalar(item.key) && item.key.value === path[length - 1]) : undefined;
				const node = pair && isNode(pair.key) ? pair.key : document.getIn(path.slice(0, length), true);
				if (isNode(node) && node.range) {
					return lineAt(node.range[0]);
				}
			}

			return undefined;
		},
	};
}

function firstLine(message: string): string {
	return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
