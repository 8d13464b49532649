import type {CheckDefinition, CheckEnv, ProgressEvent} from '../checks/types.js';
import type {BatchInput, BatchOutput, CheckOutcome} from '../machine/batch.js';

export type BatchDeps = Omit<CheckEnv, 'signal' | 'progress'> & {
	readonly checks: Readonly<Record<string, CheckDefinition>>;
	readonly onProgress: (step: string, event: ProgressEvent) => void;
};

/**
Runs a run node's checks side by side. A check that throws becomes a "could not run" line, so one broken
check does not hide what the others found; only when every check of the step failed does the step fail
(and the flow takes its onError branch).
*/
export async function runBatch(input: BatchInput, signal: AbortSignal, deps: BatchDeps): Promise<BatchOutput> {
	const failures: unknown[] = [];
	const results = await Promise.all(
		input.checks.map(async (ref, index): Promise<CheckOutcome> => {
			const definition = deps.checks[ref.check];
			const key = `${input.step}:${index}`;
			const params = ref.params ?? {};
			if (!definition) {
				throw new Error(`check "${ref.check}" is not registered`);
			}

			const label = definition.label(params, input.context);
			const progress = (event: ProgressEvent) => {
				deps.onProgress(input.step, {...event, key});
			};

			progress({type: 'start', key, label});
			try {
				const result = await definition.run(params, input.context, {...deps, signal, progress});
				progress({type: 'end', key, label, mark: result.mark, summary: result.summary});
				return {
					check: ref.check,
					label,
					summary: result.summary,
					mark: result.mark,
					skipped: result.skipped ?? false,
					...(result.detail === undefined ? {} : {detail: result.detail}),
					findings: result.findings ?? [],
					probes: result.probes ?? [],
					facts: result.facts ?? {},
				};
			} catch (error) {
				if (signal.aborted) {
					throw error;
				}

				failures.push(error);
				const summary = `could not run: ${error instanceof Error ? error.message : String(error)}`;
				progress({type: 'end', key, label, mark: 'warn', summary});
				return {check: ref.check, label, summary, mark: 'warn', skipped: true, findings: [], probes: [], facts: {}};
			}
		}),
	);

	if (failures.length === input.checks.length) {
		throw failures[0] instanceof Error ? failures[0] : new Error(String(failures[0]));
	}

	return {step: input.step, results};
}
