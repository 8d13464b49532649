/** A one-line text field: its value and where the cursor sits. */
export type TextState = {
	readonly value: string;
	readonly cursor: number;
};

export type TextAction =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'delete-back'}
	| {readonly type: 'left'}
	| {readonly type: 'right'}
	| {readonly type: 'home'}
	| {readonly type: 'end'}
	/** Changes nothing; returns the current state to a caller that needs it. */
	| {readonly type: 'stay'};

export function initialText(value = ''): TextState {
	return {value, cursor: value.length};
}

/**
A one-line field: a pasted chunk may carry line breaks (the terminal sends the paste as one chunk), which
would make no sense in a URL or a path, so they are dropped along with other control characters.
*/
export function textReducer(state: TextState, action: TextAction): TextState {
	switch (action.type) {
		case 'insert': {
			const text = oneLine(action.text);
			if (text === '') {
				return state;
			}

			return {value: state.value.slice(0, state.cursor) + text + state.value.slice(state.cursor), cursor: state.cursor + text.length};
		}

		case 'delete-back': {
			return state.cursor === 0 ? state : {value: state.value.slice(0, state.cursor - 1) + state.value.slice(state.cursor), cursor: state.cursor - 1};
		}

		case 'left': {
			return {...state, cursor: Math.max(0, state.cursor - 1)};
		}

		case 'right': {
			return {...state, cursor: Math.min(state.value.length, state.cursor + 1)};
		}

		case 'home': {
			return {...state, cursor: 0};
		}

		case 'end': {
			return {...state, cursor: state.value.length};
		}

		case 'stay': {
			return state;
		}
	}
}

// Escape sequences first (so their parameters do not become text), then every other control character.
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
const control = /[\u0000-\u001F\u007F-\u009F]/g;

/** What a one-line field keeps of typed or pasted text: no escape sequences, no line breaks, no controls. */
export function oneLine(text: string): string {
	return text.replace(escapeSequence, '').replace(control, '');
}
