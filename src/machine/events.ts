import type {CauseId} from '../diagnosis/cause-ids.js';
import type {BatchOutput} from './batch.js';

/** Where an answer came from: typed by the user, given as an option, a headless default, or the run before "check again". */
export type AnswerSource = 'user' | 'option' | 'default' | 'previous';

export type AnswerEvent = {
	readonly type: 'ANSWER';
	readonly question: string;
	readonly value: string;
	/** How the answer reads in the transcript: a choice's label, or a summary of pasted text. */
	readonly display: string;
	readonly source: AnswerSource;
	/** Evidence the chosen answer carries, from the flow file's choice. */
	readonly evidence?: {readonly text: string; readonly supports: Partial<Record<CauseId, number>>};
};

export type FlowEvent = AnswerEvent;

/** XState's event when an invoked check batch resolves. */
export type BatchDoneEvent = {readonly type: `xstate.done.actor.${string}`; readonly output: BatchOutput};

export function isBatchDone(event: {type: string}): event is BatchDoneEvent {
	return event.type.startsWith('xstate.done.actor.') && 'output' in event;
}

export function isAnswer(event: {type: string}): event is AnswerEvent {
	return event.type === 'ANSWER';
}
