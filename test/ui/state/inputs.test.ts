import {expect, test} from 'vitest';
import {choiceReducer, initialChoice, type ChoiceAction} from '../../../src/ui/state/choice-state.js';
import {confirmKey} from '../../../src/ui/state/confirm-state.js';
import {initialPaste, normalise, pasteReducer, type PasteAction} from '../../../src/ui/state/paste-state.js';
import {initialText, textReducer, type TextAction} from '../../../src/ui/state/text-state.js';

const run = <S, A>(reducer: (state: S, action: A) => S, state: S, actions: readonly A[]) => actions.reduce(reducer, state);

test.each<[string, number, readonly ChoiceAction[], number]>([
	['down moves to the next row', 3, [{type: 'down'}], 1],
	['down from the last row wraps to the first', 3, [{type: 'down'}, {type: 'down'}, {type: 'down'}], 0],
	['up from the first row wraps to the last', 3, [{type: 'up'}], 2],
	['a number jumps to its row', 4, [{type: 'jump', number: 3}], 2],
	['a number past the list changes nothing', 2, [{type: 'jump', number: 7}], 0],
])('choice: %s', (_name, count, actions, focus) => {
	expect(run(choiceReducer, initialChoice(count), actions).focus).toBe(focus);
});

test('choice: the initial row is kept inside the list', () => {
	expect(initialChoice(3, 9).focus).toBe(2);
	expect(initialChoice(0).focus).toBe(0);
	expect(choiceReducer(initialChoice(0), {type: 'down'}).focus).toBe(0);
});

test.each<[string, string, readonly TextAction[], string, number]>([
	['typing appends at the cursor', '', [{type: 'insert', text: 'https://'}, {type: 'insert', text: 'a.example'}], 'https://a.example', 17],
	['a pasted URL loses its line break', '', [{type: 'insert', text: 'https://a.example/x\r\n'}], 'https://a.example/x', 19],
	['escape sequences in a paste are dropped whole', '', [{type: 'insert', text: 'a\u001B[31mb\u001B]0;title\u0007c'}], 'abc', 3],
	['Home then typing inserts at the start', 'example.com', [{type: 'home'}, {type: 'insert', text: 'https://'}], 'https://example.com', 8],
	['backspace deletes before the cursor', 'abc', [{type: 'left'}, {type: 'delete-back'}], 'ac', 1],
	['backspace at the start does nothing', 'abc', [{type: 'home'}, {type: 'delete-back'}], 'abc', 0],
	['the cursor stays inside the text', 'ab', [{type: 'right'}, {type: 'right'}, {type: 'home'}, {type: 'left'}], 'ab', 0],
])('text: %s', (_name, initial, actions, value, cursor) => {
	expect(run(textReducer, initialText(initial), actions)).toEqual({value, cursor});
});

test.each<[string, readonly PasteAction[], string, boolean]>([
	['a paste keeps its lines, CR LF made LF', [{type: 'chunk', text: 'HTTP/1.1 403 Forbidden\r\nServer: nginx\r\n'}], 'HTTP/1.1 403 Forbidden\nServer: nginx\n', false],
	['an empty line inside a paste does not end it', [{type: 'chunk', text: 'HTTP/1.1 403\r\n\r\n<html>'}], 'HTTP/1.1 403\n\n<html>', false],
	['Enter ends a line, Enter on the empty line ends the paste', [{type: 'chunk', text: 'Server: nginx'}, {type: 'enter'}, {type: 'enter'}], 'Server: nginx\n', true],
	['Enter on an empty field answers with nothing', [{type: 'enter'}], '', true],
	['Ctrl-D ends it wherever the cursor is', [{type: 'chunk', text: 'a\nb'}, {type: 'end'}], 'a\nb', true],
	['nothing changes once it ended', [{type: 'end'}, {type: 'chunk', text: 'late'}], '', true],
	['backspace removes one character, even a line break', [{type: 'chunk', text: 'a\n'}, {type: 'delete-back'}], 'a', false],
])('paste: %s', (_name, actions, text, done) => {
	expect(run(pasteReducer, initialPaste, actions)).toEqual({text, done});
});

test('paste: a lone CR is a line end and controls other than tab go', () => {
	expect(normalise('a\rb\tc\u0007d\u001B[2Je')).toBe('a\nb\tcde');
});

test.each<[string, boolean, string | undefined, 'yes' | 'no' | undefined]>([
	['y', false, 'no', 'yes'],
	['N', false, 'yes', 'no'],
	['', true, 'yes', 'yes'],
	['', true, 'no', 'no'],
	['', true, undefined, undefined],
	['x', false, 'yes', undefined],
])('confirm: %j (Enter %s, default %s) → %s', (input, isReturn, fallback, expected) => {
	expect(confirmKey(input, isReturn, fallback)).toBe(expected);
});
