import type {ParamSpec} from '../flow/param-spec.js';
import type {Finding, FindingMark} from '../evidence/types.js';
import type {Facts, FlowContext} from '../machine/context.js';
import type {ProbeRecord} from '../net/probe-types.js';
import type {Prober} from '../net/prober.js';

/** Progress a running check reports, so the wizard can show a line per check with what is being sent. */
export type ProgressEvent =
	| {readonly type: 'start'; readonly key: string; readonly label: string}
	| {readonly type: 'update'; readonly key: string; readonly label: string}
	| {readonly type: 'end'; readonly key: string; readonly label: string; readonly mark: FindingMark; readonly summary: string};

/** The effects a check may use. Nothing else in the engine touches the network or the filesystem. */
export type CheckEnv = {
	readonly prober: Prober;
	readonly now: () => number;
	readonly signal: AbortSignal;
	readonly progress: (event: ProgressEvent) => void;
};

export type CheckResult = {
	readonly findings?: readonly Finding[];
	readonly probes?: readonly ProbeRecord[];
	readonly facts?: Partial<Facts>;
	/** One line for the conversation log: what the check saw ("403 from Cloudflare (error 1020)"). */
	readonly summary: string;
	readonly mark: FindingMark;
	/** Several lines worth keeping in the transcript (a `namei -l`-like walk, a config chain). */
	readonly detail?: string;
	/** Set when the check could not judge anything (input missing); the line says why. */
	readonly skipped?: boolean;
};

/** A check: a name the flow can use, its params, and the one function with effects. */
export type CheckDefinition = {
	readonly name: string;
	readonly description: string;
	readonly params: ParamSpec;
	/** What the check is doing, for the progress line: "GET /img/logo.png with a browser User-Agent". */
	label(params: Readonly<Record<string, unknown>>, context: FlowContext): string;
	run(params: Readonly<Record<string, unknown>>, context: FlowContext, env: CheckEnv): Promise<CheckResult>;
};
