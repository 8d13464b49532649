/** The highlighted row of a choice list. */
export type ChoiceState = {
	readonly focus: number;
	readonly count: number;
};

export type ChoiceAction =
	| {readonly type: 'up'}
	| {readonly type: 'down'}
	/** A number shortcut, 1-based as shown. */
	| {readonly type: 'jump'; readonly number: number}
	/** Changes nothing; returns the current state to a caller that needs it. */
	| {readonly type: 'stay'};

export function initialChoice(count: number, focus = 0): ChoiceState {
	return {count, focus: Math.min(Math.max(focus, 0), Math.max(count - 1, 0))};
}

/** Arrows wrap around, so the last choice is one key away from the first. */
export function choiceReducer(state: ChoiceState, action: ChoiceAction): ChoiceState {
	if (state.count === 0) {
		return state;
	}

	switch (action.type) {
		case 'up': {
			return {...state, focus: (state.focus - 1 + state.count) % state.count};
		}

		case 'down': {
			return {...state, focus: (state.focus + 1) % state.count};
		}

		case 'jump': {
			return action.number >= 1 && action.number <= state.count ? {...state, focus: action.number - 1} : state;
		}

		case 'stay': {
			return state;
		}
	}
}
