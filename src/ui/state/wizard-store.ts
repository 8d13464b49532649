import type {Session, SessionView} from '../../engine/session.js';
import type {FlowContext} from '../../machine/context.js';
import {emptyLog, finishedEntries, noteLog, syncLog, type LogState} from './conversation-log.js';

/** What the wizard renders: the session's view, the printed log, and a fault if the engine had one. */
export type WizardSnapshot = {
	readonly view: SessionView;
	readonly log: LogState;
	readonly fault?: unknown;
};

/** A session as an external store for `useSyncExternalStore`: one cached snapshot per change. */
export type WizardStore = {
	readonly subscribe: (listener: () => void) => () => void;
	readonly getSnapshot: () => WizardSnapshot;
	/** Adds a line of the wizard's own to the log; `reset` before a restart or a re-check. */
	readonly note: (text: string, options?: {reset?: boolean}) => void;
	readonly dispose: () => void;
};

/**
The session notifies on every snapshot and progress event, and its `view()` builds a new object each time;
React needs a stable snapshot between changes, so it is computed here once per notification.
*/
export function createWizardStore(session: Session, options: {title?: string} = {}): WizardStore {
	const listeners = new Set<() => void>();
	let watched: Promise<FlowContext> | undefined;
	const log = options.title === undefined ? emptyLog : noteLog(emptyLog, `fix403 · ${options.title}`);
	let snapshot = refresh({view: session.view(), log});

	function refresh(previous: WizardSnapshot): WizardSnapshot {
		const view = session.view();
		watchDone();
		return {...previous, view, log: syncLog(previous.log, finishedEntries(view))};
	}

	// Each run (restart, back, re-check) has its own `done` promise; an engine fault rejects the current one.
	function watchDone(): void {
		const done = session.done;
		if (done === watched) {
			return;
		}

		watched = done;
		done.catch((error: unknown) => {
			if (session.done === done) {
				snapshot = {...snapshot, fault: error};
				emit();
			}
		});
	}

	function emit(): void {
		for (const listener of listeners) {
			listener();
		}
	}

	const unsubscribe = session.subscribe(() => {
		snapshot = refresh(snapshot);
		emit();
	});

	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		getSnapshot: () => snapshot,
		note(text, options) {
			snapshot = {...snapshot, log: noteLog(snapshot.log, text, options)};
			emit();
		},
		dispose() {
			unsubscribe();
			listeners.clear();
		},
	};
}
