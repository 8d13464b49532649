import type {FindingMark} from '../../evidence/types.js';
import type {TranscriptEntry, TranscriptKind} from '../../report/types.js';
import type {SessionView} from '../../engine/session.js';

/** One line of the conversation log. The log only grows: it is printed once, above the live step. */
export type LogEntry = {
	readonly id: number;
	readonly kind: TranscriptKind | 'note';
	readonly text: string;
	readonly mark?: FindingMark;
};

/** The printed log and the entries of the current run it already holds. */
export type LogState = {
	readonly entries: readonly LogEntry[];
	readonly shown: readonly TranscriptEntry[];
};

export const emptyLog: LogState = {entries: [], shown: []};

/**
The transcript entries that are finished. While a question waits for its answer, the transcript already ends
with that question, which the live step shows instead.
*/
export function finishedEntries(view: Pick<SessionView, 'phase' | 'transcript'>): readonly TranscriptEntry[] {
	const last = view.transcript.at(-1);
	return view.phase === 'question' && last?.kind === 'question' ? view.transcript.slice(0, -1) : view.transcript;
}

/**
Brings the log up to date with the session's finished entries. When the session went back, the transcript
is shorter than what was printed: the printed lines stay (they cannot be unprinted) and printing resumes
from where the two agree, so a new answer is appended after them.
*/
export function syncLog(state: LogState, finished: readonly TranscriptEntry[]): LogState {
	let common = 0;
	while (common < state.shown.length && common < finished.length && sameEntry(state.shown[common]!, finished[common]!)) {
		common++;
	}

	if (common === state.shown.length && common === finished.length) {
		return state;
	}

	const added = finished.slice(common).map((entry, index): LogEntry => ({
		id: state.entries.length + index,
		kind: entry.kind,
		text: entry.text,
		...(entry.mark ? {mark: entry.mark} : {}),
	}));
	return {entries: [...state.entries, ...added], shown: finished};
}

/** Adds a line of the wizard's own (went back, started over, exported); `reset` forgets the current run. */
export function noteLog(state: LogState, text: string, options: {reset?: boolean} = {}): LogState {
	return {
		entries: [...state.entries, {id: state.entries.length, kind: 'note', text}],
		shown: options.reset ? [] : state.shown,
	};
}

function sameEntry(a: TranscriptEntry, b: TranscriptEntry): boolean {
	return a.kind === b.kind && a.text === b.text && a.step === b.step;
}
