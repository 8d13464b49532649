import {useEffect, useState} from 'react';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** The current frame of a spinner that turns while `active`. */
export function useSpinner(active: boolean, intervalMs = 100): string {
	const [index, setIndex] = useState(0);
	useEffect(() => {
		if (!active) {
			return;
		}

		const timer = setInterval(() => {
			setIndex(previous => (previous + 1) % frames.length);
		}, intervalMs);
		return () => {
			clearInterval(timer);
		};
	}, [active, intervalMs]);
	return frames[index]!;
}
