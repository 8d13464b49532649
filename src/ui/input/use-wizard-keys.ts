import {isBackspace, useKeys} from './use-keys.js';

export type WizardKeyHandlers = {
	/** Ctrl-C, always. */
	readonly onInterrupt: () => void;
	readonly onQuit: () => void;
	readonly onBack: () => void;
	readonly onRestart: () => void;
	readonly onExport: () => void;
	readonly onHelp: () => void;
};

export type WizardKeyScope =
	/** Ctrl-C only: a text field or a dialog has the letters. */
	| 'none'
	/** Letters are free (a choice, a yes/no, the verdict): b/Backspace, r, e, ?, q. */
	| 'letters'
	/** Checks are running: q quits, ? helps; nothing else would make sense mid-step. */
	| 'checking';

/** The keys that work whatever the step: quit, back, restart, export, help. */
export function useWizardKeys(scope: WizardKeyScope, handlers: WizardKeyHandlers): void {
	useKeys((input, key) => {
		if (key.ctrl && input === 'c') {
			handlers.onInterrupt();
			return;
		}

		if (scope === 'none' || key.ctrl || key.meta) {
			return;
		}

		if (input === 'q') {
			handlers.onQuit();
		} else if (input === '?') {
			handlers.onHelp();
		} else if (scope === 'checking') {
			// Nothing else while checks run.
		} else if (input === 'b' || isBackspace(key)) {
			handlers.onBack();
		} else if (input === 'r') {
			handlers.onRestart();
		} else if (input === 'e') {
			handlers.onExport();
		}
	});
}
