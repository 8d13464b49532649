import {confirmKey} from '../state/confirm-state.js';
import {isEnter, useKeys} from './use-keys.js';

export type ConfirmInputOptions = {
	readonly fallback?: string;
	readonly onSubmit: (answer: 'yes' | 'no') => void;
	readonly isActive?: boolean;
};

/** y / n answer, Enter takes the question's default. */
export function useConfirmInput({fallback, onSubmit, isActive = true}: ConfirmInputOptions): void {
	useKeys((input, key) => {
		const answer = confirmKey(input, isEnter(input, key), fallback);
		if (answer) {
			onSubmit(answer);
		}
	}, isActive);
}
