import {useCallback, useLayoutEffect, useRef} from 'react';
import {useInput, type Key} from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

/**
`useInput` with a handler that may change every render without resubscribing: Ink subscribes in a passive
effect, and a key that arrives between an unsubscribe and the next subscribe is lost.
*/
export function useKeys(handler: KeyHandler, isActive = true): void {
	const latest = useRef(handler);
	useLayoutEffect(() => {
		latest.current = handler;
	});
	const stable = useCallback<KeyHandler>((input, key) => {
		latest.current(input, key);
	}, []);
	useInput(stable, {isActive});
}

/** Enter arrives as `\r` (key.return); a bare line feed (Ctrl-J, some terminals) counts too. */
export const isEnter = (input: string, key: Key): boolean => key.return || input === '\n';

/** The Backspace key is `\x7f`, which Ink reports as `delete`; only `\b` sets `backspace`. */
export const isBackspace = (key: Key): boolean => key.backspace || key.delete;

/** Keys that are not text: arrows, modifiers, Tab, Escape. */
export const isNavigation = (key: Key): boolean =>
	key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end;
