import {useState} from 'react';
import type {RunResult} from '../diagnosis/compare-outcomes.js';
import type {Session} from '../engine/session.js';
import type {WizardStore} from './state/wizard-store.js';

/** How the wizard ended: `quit` (q, or Quit on the verdict) or `interrupted` (Ctrl-C). */
export type WizardExit = {readonly reason: 'quit' | 'interrupted'};

export type SessionActions = {
	/** Why the last answer to the current asking was refused. */
	readonly refusal?: {readonly at: string; readonly text: string};
	/** The run before "check again", to compare with once the new one concludes. */
	readonly recheckFrom?: RunResult;
	readonly ending?: WizardExit;
	/** What the user answered to each question, offered again after going back. */
	readonly given: Readonly<Record<string, string>>;
	readonly answer: (at: string, value: string) => void;
	readonly back: () => void;
	readonly restart: () => void;
	readonly recheck: () => void;
	readonly quit: (reason: WizardExit['reason']) => void;
};

/** `node:transcript length`: one asking of one question (the same node can be asked again after going back). */
export const turnOf = (view: {readonly node: string; readonly transcript: readonly unknown[]}) => `${view.node}:${view.transcript.length}`;

/** The user's moves, each a call of a Session method plus the line it leaves in the log. */
export function useSessionActions(store: WizardStore, session: Pick<Session, 'answer' | 'back' | 'restart' | 'recheck' | 'stop'>): SessionActions {
	const [refusal, setRefusal] = useState<SessionActions['refusal']>();
	const [recheckFrom, setRecheckFrom] = useState<RunResult>();
	const [ending, setEnding] = useState<WizardExit>();
	const [given, setGiven] = useState<Readonly<Record<string, string>>>({});
	const forget = () => {
		setRecheckFrom(undefined);
		setRefusal(undefined);
	};

	return {
		refusal,
		recheckFrom,
		ending,
		given,
		answer(at, value) {
			// A key meant for a question that is no longer current (typed ahead of a redraw) must not answer the next one.
			const current = store.getSnapshot().view;
			if (at !== turnOf(current) || current.phase !== 'question' || !current.question) {
				return;
			}

			const reason = session.answer(value);
			setRefusal(reason === undefined ? undefined : {at, text: reason});
			if (reason === undefined) {
				const {id} = current.question;
				setGiven(previous => ({...previous, [id]: value}));
			}
		},
		back() {
			if (store.getSnapshot().view.canGoBack) {
				store.note('↩ Back to the previous question');
				forget();
				session.back();
			}
		},
		restart() {
			store.note('↺ Starting over', {reset: true});
			forget();
			setGiven({});
			session.restart();
		},
		recheck() {
			setRefusal(undefined);
			setRecheckFrom(store.getSnapshot().view.context);
			store.note('↻ Checking again with the same answers', {reset: true});
			session.recheck();
		},
		quit(reason) {
			session.stop();
			setEnding({reason});
		},
	};
}
