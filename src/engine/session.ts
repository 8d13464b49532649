import {createActor, type AnyActorRef, type AnyStateMachine, type Snapshot} from 'xstate';
import type {CheckDefinition, ProgressEvent} from '../checks/types.js';
import {fillTemplate} from '../diagnosis/fill-template.js';
import type {FindingMark} from '../evidence/types.js';
import type {Flow, Question} from '../flow/types.js';
import type {FlowContext} from '../machine/context.js';
import type {NodeMeta} from '../machine/compile-states.js';
import {createFlowMachine} from '../machine/create-machine.js';
import {isAgentMode} from '../machine/agent-mode.js';
import type {Prober} from '../net/prober.js';
import type {TranscriptEntry} from '../report/types.js';
import {answerEvent, prefillHint, presetAnswer, validateAnswer} from './answers.js';
import {runBatch} from './run-batch.js';
import type {SessionInput} from './session-input.js';

export type SessionMode = 'headless' | 'interactive';

export type SessionDeps = {
	readonly flow: Flow;
	readonly checks: Readonly<Record<string, CheckDefinition>>;
	/** A fresh prober per run, so "check again" gets its own request budget. */
	readonly createProber: (input: SessionInput) => Prober;
	/** Scrubs secrets (the user's, and those learned so far in the session) from any text shown. */
	readonly redact: (text: string, context: FlowContext, input: SessionInput) => string;
	readonly now?: () => number;
};

/** A check's line while its step runs. */
export type CheckLine = {
	readonly key: string;
	readonly label: string;
	readonly state: 'running' | 'done';
	readonly mark?: FindingMark;
	readonly summary?: string;
};

/** Everything a view needs, derived from the machine's snapshot; nothing here decides anything. */
export type SessionView = {
	readonly phase: 'question' | 'checking' | 'done';
	readonly node: string;
	readonly question?: Question & {readonly prompt: string};
	readonly step?: {readonly title: string; readonly lines: readonly CheckLine[]};
	readonly transcript: readonly TranscriptEntry[];
	readonly context: FlowContext;
	readonly canGoBack: boolean;
};

/** Raised when a headless run meets a question nothing answers. */
export class UnansweredQuestionError extends Error {
	override readonly name = 'UnansweredQuestionError';
	readonly code = 'FIX403_UNANSWERED';
}

/**
One diagnosis: the flow's machine, its check runner, and the answers that come from options or defaults.
The wizard and the headless report both drive a Session, so both run the same machine and checks.
*/
export class Session {
	readonly #deps: SessionDeps;
	readonly #mode: SessionMode;
	#input: SessionInput;
	#machine: AnyStateMachine;
	#actor!: AnyActorRef;
	#history: Array<Snapshot<unknown>> = [];
	#lines = new Map<string, CheckLine>();
	#lineStep = '';
	#listeners = new Set<() => void>();
	#done!: Promise<FlowContext>;
	#settle!: {resolve: (context: FlowContext) => void; reject: (error: unknown) => void};
	#lastAsked = '';

	constructor(input: SessionInput, mode: SessionMode, deps: SessionDeps) {
		this.#deps = deps;
		this.#mode = mode;
		this.#input = input;
		this.#machine = this.#build();
		this.#start();
	}

	/** Resolves with the final context when a conclusion is reached; rejects on an internal fault. */
	get done(): Promise<FlowContext> {
		return this.#done;
	}

	get input(): SessionInput {
		return this.#input;
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	view(): SessionView {
		const snapshot = this.#actor.getSnapshot() as {context: FlowContext; status: string; getMeta(): Record<string, NodeMeta>};
		const meta = Object.values(snapshot.getMeta())[0];
		const {context} = snapshot;
		const transcript = context.transcript.map(entry => ({...entry, text: this.#deps.redact(entry.text, context, this.#input)}));
		const base = {context, transcript, canGoBack: this.#history.length > 0, node: meta?.node ?? ''};
		if (snapshot.status === 'done' || meta?.kind === 'conclude') {
			return {...base, phase: 'done'};
		}

		if (meta?.kind === 'ask') {
			const question = meta.question;
			const text = isAgentMode(this.#input, context.answers) && question.agentText ? question.agentText : question.text;
			return {...base, phase: 'question', question: {...question, prompt: fillTemplate(text, context)}};
		}

		const lines = this.#lineStep === meta?.node ? [...this.#lines.values()] : [];
		return {...base, phase: 'checking', step: {title: meta?.kind === 'run' ? meta.title : '', lines}};
	}

	/** Answers the current question as the user; returns the reason when the answer is refused. */
	answer(value: string): string | undefined {
		const {question} = this.view();
		if (!question) {
			return 'there is no question to answer right now';
		}

		const checked = validateAnswer(question, value);
		if ('error' in checked) {
			return checked.error;
		}

		this.#history.push(this.#actor.getPersistedSnapshot());
		this.#actor.send(answerEvent(question, checked.value, 'user'));
		return undefined;
	}

	/** Goes back to the previous question the user answered; the machine's state goes back with it. */
	back(): boolean {
		const snapshot = this.#history.pop();
		if (!snapshot) {
			return false;
		}

		this.#restart(snapshot);
		return true;
	}

	/** Starts over from the first question, forgetting every answer given in the wizard. */
	restart(): void {
		this.#history = [];
		this.#restart(undefined);
	}

	/**
	Runs the whole diagnosis again with every answer given so far as a preset, for "check again" after a fix.
	Questions that were answered are not asked again; the checks run afresh with a new request budget.
	*/
	recheck(): void {
		const {answers, transcript} = this.view().context;
		const divider = {kind: 'check' as const, text: 'Checking again after the fix', mark: 'info' as const};
		this.#input = {...this.#input, previousAnswers: {...this.#input.previousAnswers, ...answers}, priorTranscript: [...transcript, divider]};
		this.#history = [];
		this.#machine = this.#build();
		this.#restart(undefined);
	}

	/** Stops the machine; checks in flight are aborted through their signal. */
	stop(): void {
		this.#actor.stop();
	}

	#build(): AnyStateMachine {
		const prober = this.#deps.createProber(this.#input);
		return createFlowMachine(this.#deps.flow, async (batch, signal) =>
			runBatch(batch, signal, {
				checks: this.#deps.checks,
				prober,
				now: this.#deps.now ?? Date.now,
				onProgress: (step, event) => {
					this.#progress(step, event);
				},
			}),
		);
	}

	#start(snapshot?: Snapshot<unknown>): void {
		this.#done = new Promise<FlowContext>((resolve, reject) => {
			this.#settle = {resolve, reject};
		});
		// A restart abandons the previous promise; nobody must see it reject unhandled.
		this.#done.catch(() => undefined);
		this.#lastAsked = '';
		this.#actor = createActor(this.#machine, {input: this.#input, snapshot});
		this.#actor.subscribe({
			next: () => {
				this.#onSnapshot();
			},
			error: error => {
				this.#settle.reject(error);
				this.#notify();
			},
		});
		this.#actor.start();
		this.#onSnapshot();
	}

	#restart(snapshot: Snapshot<unknown> | undefined): void {
		this.#actor.stop();
		this.#lines.clear();
		this.#start(snapshot);
		this.#notify();
	}

	#onSnapshot(): void {
		const snapshot = this.#actor.getSnapshot() as {status: string; context: FlowContext};
		if (snapshot.status === 'done') {
			this.#settle.resolve(snapshot.context);
		} else {
			this.#autoAnswer();
		}

		this.#notify();
	}

	/** Answers from options, prefills and (headless) defaults, so only real questions reach a person. */
	#autoAnswer(): void {
		const view = this.view();
		if (!view.question || this.#lastAsked === `${view.node}:${view.context.transcript.length}`) {
			return;
		}

		this.#lastAsked = `${view.node}:${view.context.transcript.length}`;
		const preset = presetAnswer(view.question, this.#input, view.context);
		if (preset) {
			const checked = validateAnswer(view.question, preset.value);
			if ('error' in checked) {
				this.#settle.reject(new UnansweredQuestionError(`--answer ${view.question.id}: ${checked.error}`));
				this.#actor.stop();
				return;
			}

			this.#actor.send(answerEvent(view.question, checked.value, preset.source));
			return;
		}

		if (this.#mode === 'headless') {
			if (view.question.default === undefined) {
				const hint = prefillHint(view.question.prefill);
				this.#settle.reject(new UnansweredQuestionError(`the question "${view.question.id}" (${view.question.text}) needs an answer: ${hint ? `${hint}, or ` : 'give it with '}--answer ${view.question.id}=VALUE`));
				this.#actor.stop();
				return;
			}

			this.#actor.send(answerEvent(view.question, view.question.default, 'default'));
		}
	}

	#progress(step: string, event: ProgressEvent): void {
		if (this.#lineStep !== step) {
			this.#lineStep = step;
			this.#lines.clear();
		}

		const previous = this.#lines.get(event.key);
		this.#lines.set(event.key, {
			key: event.key,
			label: event.type === 'update' && previous ? previous.label : event.label,
			state: event.type === 'end' ? 'done' : 'running',
			...(event.type === 'end' ? {mark: event.mark, summary: event.summary} : {summary: event.type === 'update' ? event.label : undefined}),
		});
		this.#notify();
	}

	#notify(): void {
		for (const listener of this.#listeners) {
			listener();
		}
	}
}
