import type {ChoiceAction, ChoiceState} from '../state/choice-state.js';
import {isEnter, useKeys} from './use-keys.js';

export type ChoiceInputOptions = {
	readonly dispatch: (action: ChoiceAction) => ChoiceState;
	readonly onSubmit: (index: number) => void;
	readonly isActive?: boolean;
};

/** ↑/↓ move, Enter chooses the highlighted row, 1–9 choose that row at once. */
export function useChoiceInput({dispatch, onSubmit, isActive = true}: ChoiceInputOptions): void {
	useKeys((input, key) => {
		if (key.upArrow) {
			dispatch({type: 'up'});
		} else if (key.downArrow) {
			dispatch({type: 'down'});
		} else if (isEnter(input, key)) {
			onSubmit(dispatch({type: 'stay'}).focus);
		} else if (/^[1-9]$/.test(input)) {
			const number = Number(input);
			const state = dispatch({type: 'jump', number});
			if (number <= state.count) {
				onSubmit(state.focus);
			}
		}
	}, isActive);
}
