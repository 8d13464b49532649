import type {TextAction, TextState} from '../state/text-state.js';
import {isBackspace, isEnter, isNavigation, useKeys} from './use-keys.js';

export type TextInputOptions = {
	readonly dispatch: (action: TextAction) => TextState;
	readonly onSubmit: (value: string) => void;
	/** Backspace on an empty field. */
	readonly onBack?: () => void;
	/** `?` typed into an empty field (no URL or path starts with it). */
	readonly onHelp?: () => void;
	readonly isActive?: boolean;
};

/**
Typing and editing keys of a one-line field; Enter submits. Keys typed ahead of a redraw can reach the app as
one chunk (`https://a.example/x\r`): the text up to the first line break is typed, and the break submits.
*/
export function useTextInput({dispatch, onSubmit, onBack, onHelp, isActive = true}: TextInputOptions): void {
	useKeys((input, key) => {
		const {value} = dispatch({type: 'stay'});
		const lineBreak = input.length > 1 ? input.search(/[\r\n]/) : -1;
		if (lineBreak !== -1) {
			onSubmit(dispatch({type: 'insert', text: input.slice(0, lineBreak)}).value);
		} else if (isEnter(input, key)) {
			onSubmit(value);
		} else if (isBackspace(key)) {
			if (value === '' && onBack) {
				onBack();
			} else {
				dispatch({type: 'delete-back'});
			}
		} else if (key.leftArrow) {
			dispatch({type: 'left'});
		} else if (key.rightArrow) {
			dispatch({type: 'right'});
		} else if (key.home || (key.ctrl && input === 'a')) {
			dispatch({type: 'home'});
		} else if (key.end || (key.ctrl && input === 'e')) {
			dispatch({type: 'end'});
		} else if (input === '?' && value === '' && onHelp) {
			onHelp();
		} else if (!isNavigation(key) && input !== '') {
			dispatch({type: 'insert', text: input});
		}
	}, isActive);
}
