import type {PasteAction, PasteState} from '../state/paste-state.js';
import {isBackspace, isEnter, isNavigation, useKeys} from './use-keys.js';

export type PasteInputOptions = {
	readonly dispatch: (action: PasteAction) => PasteState;
	readonly onSubmit: (text: string) => void;
	readonly onBack?: () => void;
	readonly onHelp?: () => void;
	readonly isActive?: boolean;
};

/** Collects a paste: chunks as they come, Enter on an empty line or Ctrl-D ends it. */
export function usePasteInput({dispatch, onSubmit, onBack, onHelp, isActive = true}: PasteInputOptions): void {
	useKeys((input, key) => {
		const {text} = dispatch({type: 'stay'});
		let next: PasteState | undefined;
		if (key.ctrl && input === 'd') {
			next = dispatch({type: 'end'});
		} else if (isEnter(input, key)) {
			next = dispatch({type: 'enter'});
		} else if (isBackspace(key)) {
			if (text === '' && onBack) {
				onBack();
			} else {
				dispatch({type: 'delete-back'});
			}
		} else if (input === '?' && text === '' && onHelp) {
			onHelp();
		} else if (!isNavigation(key) && input !== '') {
			dispatch({type: 'chunk', text: input});
		}

		if (next?.done) {
			onSubmit(next.text);
		}
	}, isActive);
}
