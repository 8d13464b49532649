import type {CauseId} from '../diagnosis/cause-ids.js';
import type {ReportStatus} from '../report/types.js';

/** A guard reference as written in a flow file: a registered name and JSON params, never code. */
export type GuardRef = {
	readonly type: string;
	readonly params?: Readonly<Record<string, unknown>>;
};

/** One way out of a node. The last branch of a list has no `when`: it is the otherwise-branch. */
export type Branch = {
	readonly when?: GuardRef;
	readonly to: string;
};

export type QuestionKind = 'choice' | 'text' | 'paste' | 'confirm';

export type Choice = {
	readonly value: string;
	readonly label: string;
	/** Shown under the label when the choice is highlighted. */
	readonly hint?: string;
	/** What choosing it tells the diagnosis: a sentence for the evidence list and the causes it supports. */
	readonly evidence?: {readonly text: string; readonly supports: Partial<Record<CauseId, number>>};
};

export type Question = {
	/** Answer id: `--answer <id>=<value>` pre-answers it. */
	readonly id: string;
	readonly kind: QuestionKind;
	readonly text: string;
	/** The same question phrased for a support agent to relay to a customer. */
	readonly agentText?: string;
	readonly help?: string;
	readonly choices?: readonly Choice[];
	/** The answer a headless run takes when nothing answered the question. */
	readonly default?: string;
	/** A session input that answers this question when given (e.g. `url` from the command line). */
	readonly prefill?: string;
	/** A named validator for text answers (e.g. `url`). */
	readonly validate?: string;
};

export type CheckRef = {
	readonly check: string;
	readonly params?: Readonly<Record<string, unknown>>;
};

export type AskNode = {
	readonly kind: 'ask';
	readonly description?: string;
	readonly ask: Question;
	readonly next: readonly Branch[];
};

export type RunNode = {
	readonly kind: 'run';
	readonly description?: string;
	/** What the step is doing, for the progress line ("Sending your request"). */
	readonly title: string;
	/** Checks of one step run side by side. */
	readonly run: readonly CheckRef[];
	readonly next: readonly Branch[];
	/** Where to go when a check could not run at all; defaults to `next` with the failure recorded. */
	readonly onError?: string;
};

export type ConcludeNode = {
	readonly kind: 'conclude';
	readonly description?: string;
	readonly conclude: {
		readonly status: ReportStatus;
		/** Causes this conclusion may name; all causes when absent. */
		readonly causes?: readonly CauseId[];
		/** One sentence shown with the verdict (the reason, for statuses other than diagnosed). */
		readonly summary: string;
	};
};

/** A decision without a question or a check: branches on what is known so far. */
export type RouteNode = {
	readonly kind: 'route';
	readonly description?: string;
	readonly next: readonly Branch[];
};

export type FlowNode = AskNode | RunNode | RouteNode | ConcludeNode;

/** A validated flow: the data a support team writes, after parsing. */
export type Flow = {
	readonly id: string;
	readonly title: string;
	readonly version: number;
	readonly start: string;
	readonly nodes: Readonly<Record<string, FlowNode>>;
	/** Where it came from, for error messages. */
	readonly source: string;
};
