import {oneLine} from './text-state.js';

/** A multi-line paste being collected; `done` once the user ends it. */
export type PasteState = {
	readonly text: string;
	readonly done: boolean;
};

export type PasteAction =
	/** Typed or pasted text; a paste arrives as one chunk with its line breaks inside. */
	| {readonly type: 'chunk'; readonly text: string}
	/** The Enter key on its own. */
	| {readonly type: 'enter'}
	| {readonly type: 'delete-back'}
	/** Ctrl-D. */
	| {readonly type: 'end'}
	/** Changes nothing; returns the current state to a caller that needs it. */
	| {readonly type: 'stay'};

export const initialPaste: PasteState = {text: '', done: false};

/**
Line breaks inside a chunk are part of the paste (a `curl -i` paste has an empty line between headers and
body); only the Enter key pressed on an empty line ends it, or Ctrl-D. Enter on an empty field answers with
nothing pasted.
*/
export function pasteReducer(state: PasteState, action: PasteAction): PasteState {
	if (state.done || action.type === 'stay') {
		return state;
	}

	switch (action.type) {
		case 'chunk': {
			return {...state, text: state.text + normalise(action.text)};
		}

		case 'enter': {
			return state.text === '' || state.text.endsWith('\n') ? {...state, done: true} : {...state, text: `${state.text}\n`};
		}

		case 'delete-back': {
			return {...state, text: [...state.text].slice(0, -1).join('')};
		}

		case 'end': {
			return {...state, done: true};
		}
	}
}

/** CR LF and lone CR become LF; escape sequences and other controls go, tabs and line breaks stay. */
export function normalise(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map(line => line.split('\t').map(part => oneLine(part)).join('\t'))
		.join('\n');
}
