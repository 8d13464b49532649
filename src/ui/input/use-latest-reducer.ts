import {useCallback, useRef, useState} from 'react';

/**
A reducer whose dispatch applies the action at once and returns the new state. Several keys can arrive in
one batch (a fast typist, a terminal that splits a paste); each must see the state the previous one left,
not the one of the last render.
*/
export function useLatestReducer<S, A>(reducer: (state: S, action: A) => S, initial: S | (() => S)): [S, (action: A) => S] {
	const [state, setState] = useState(initial);
	const latest = useRef(state);
	const dispatch = useCallback(
		(action: A) => {
			latest.current = reducer(latest.current, action);
			setState(latest.current);
			return latest.current;
		},
		[reducer],
	);
	return [state, dispatch];
}
