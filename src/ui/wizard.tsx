import {Box, useApp} from 'ink';
import {useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import {compareOutcomes} from '../diagnosis/compare-outcomes.js';
import type {Session} from '../engine/session.js';
import {isAgentMode} from '../machine/agent-mode.js';
import {useWizardKeys, type WizardKeyScope} from './input/use-wizard-keys.js';
import type {WizardStore} from './state/wizard-store.js';
import {CheckStep} from './view/check-step.js';
import {ConversationLog} from './view/conversation-log.js';
import {ExportDialog} from './view/export-dialog.js';
import {HelpPanel} from './view/help-panel.js';
import {KeyHints, type HintScope} from './view/key-hints.js';
import {QuestionStep} from './view/question-step.js';
import {ThemeProvider, themes} from './view/theme.js';
import {VerdictScreen} from './view/verdict-screen.js';
import {turnOf, useSessionActions} from './use-session-actions.js';
import type {WizardEffects} from './wizard-effects.js';

export type {WizardExit} from './use-session-actions.js';

export type WizardProps = {
	readonly store: WizardStore;
	readonly session: Pick<Session, 'answer' | 'back' | 'restart' | 'recheck' | 'stop' | 'input'>;
	readonly effects: WizardEffects;
	readonly color: boolean;
};

type Overlay = 'none' | 'help' | 'export';

/**
The wizard: a view of the session. It reads the session's view (through the store) and calls the session's
methods; which question comes next, what is checked and what it means is all the engine's.
*/
export function Wizard({store, session, effects, color}: WizardProps) {
	const {exit} = useApp();
	const {view, log, fault} = useSyncExternalStore(store.subscribe, store.getSnapshot);
	const [overlay, setOverlay] = useState<Overlay>('none');
	const actions = useSessionActions(store, session);
	const {refusal, recheckFrom, ending, given, answer, back, restart, quit} = actions;
	const turn = turnOf(view);
	const {phase, question} = view;

	useEffect(() => {
		setOverlay(current => (current === 'help' ? 'none' : current));
	}, [turn]);

	useEffect(() => {
		if (fault !== undefined) {
			session.stop();
			exit(fault instanceof Error ? fault : new Error(String(fault)));
		}
	}, [fault, session, exit]);

	useEffect(() => {
		if (ending) {
			exit(ending);
		}
	}, [ending, exit]);

	const report = useMemo(() => (phase === 'done' ? effects.report(view.context) : undefined), [phase, view.context, effects]);
	const comparison = useMemo(() => (phase === 'done' && recheckFrom ? compareOutcomes(recheckFrom, view.context) : undefined), [phase, recheckFrom, view.context]);

	const toggleHelp = () => {
		setOverlay(current => (current === 'help' ? 'none' : current === 'none' ? 'help' : current));
	};

	const scope: WizardKeyScope =
		ending || overlay === 'export' ? 'none' : phase === 'checking' ? 'checking' : question?.kind === 'text' || question?.kind === 'paste' ? 'none' : 'letters';
	useWizardKeys(scope, {
		onInterrupt() {
			quit('interrupted');
		},
		onQuit() {
			quit('quit');
		},
		onBack: back,
		onRestart: restart,
		onExport() {
			setOverlay('export');
		},
		onHelp: toggleHelp,
	});

	const active = !ending && overlay !== 'export';
	const hint: HintScope = overlay === 'export' ? 'dialog' : phase === 'done' ? 'verdict' : phase === 'checking' ? 'checking' : (question?.kind ?? 'choice');
	return (
		<ThemeProvider value={color ? themes.coloured : themes.plain}>
			<ConversationLog entries={log.entries} />
			{ending && !report ? null : (
				<Box flexDirection="column" marginTop={1}>
					{phase === 'question' && question ? (
						<QuestionStep
							key={turn}
							question={question}
							previous={given[question.id]}
							refusal={refusal?.at === turn ? refusal.text : undefined}
							isActive={active}
							onAnswer={value => {
								answer(turn, value);
							}}
							onBack={back}
							onHelp={toggleHelp}
						/>
					) : null}
					{phase === 'checking' && view.step ? <CheckStep title={view.step.title} lines={view.step.lines} /> : null}
					{phase === 'done' && report ? (
						<VerdictScreen
							key={turn}
							report={report}
							comparison={comparison}
							showActions={!ending}
							isActive={active}
							onAction={action => {
								if (action === 'recheck') {
									actions.recheck();
								} else if (action === 'export') {
									setOverlay('export');
								} else if (action === 'restart') {
									restart();
								} else {
									quit('quit');
								}
							}}
						/>
					) : null}
					{ending ? null : (
						<>
							{overlay === 'help' ? <HelpPanel help={phase === 'question' ? question?.help : undefined} /> : null}
							{overlay === 'export' ? (
								<ExportDialog
									defaultName={format => effects.defaultName(format, view.context)}
									onExport={async (format, path) => effects.exportTo(format, path, view.context)}
									onDone={path => {
										store.note(`⇩ Exported to ${path}`);
										setOverlay('none');
									}}
									onClose={() => {
										setOverlay('none');
									}}
								/>
							) : null}
							<KeyHints scope={hint} agent={isAgentMode(session.input, view.context.answers)} />
						</>
					)}
				</Box>
			)}
		</ThemeProvider>
	);
}
