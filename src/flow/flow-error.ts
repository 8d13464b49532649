/** One problem in a flow file, located as precisely as the file allows. */
export type FlowProblem = {
	readonly file: string;
	readonly line?: number;
	/** Dotted path inside the flow, e.g. `nodes.probe.next[1].to`. */
	readonly path: string;
	readonly reason: string;
};

export function formatProblem(problem: FlowProblem): string {
	const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
	return problem.path ? `${place}: ${problem.path}: ${problem.reason}` : `${place}: ${problem.reason}`;
}

/** A flow that cannot be used. `code` is stable; the message names the file, the place and the reason. */
export class FlowError extends Error {
	override readonly name = 'FlowError';
	readonly code = 'FIX403_BAD_FLOW';
	readonly problems: readonly FlowProblem[];

	constructor(problems: readonly FlowProblem[]) {
		const [first] = problems;
		const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
		super(first ? `invalid flow ${formatProblem(first)}${more}` : 'invalid flow');
		this.problems = problems;
	}
}
