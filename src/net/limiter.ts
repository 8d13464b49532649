/** Gives back the slot taken by `acquire`; calling it twice is harmless. */
export type Release = () => void;

export type Limiter = {
	/**
	Waits for a free slot. Resolves to undefined, without taking a slot, when the signal fires first, so a
	queued probe that the user cancels never starts.
	*/
	acquire(signal?: AbortSignal): Promise<Release | undefined>;
	/** Slots in use right now. */
	active(): number;
};

/** A first-come first-served counting semaphore: at most `size` tasks run at once, the rest queue. */
export function createLimiter(size: number): Limiter {
	let active = 0;
	const queue: Array<() => void> = [];

	const release = (): void => {
		active--;
		queue.shift()?.();
	};

	const slot = (): Release => {
		active++;
		let released = false;
		return () => {
			if (!released) {
				released = true;
				release();
			}
		};
	};

	return {
		async acquire(signal) {
			if (signal?.aborted) {
				return undefined;
			}

			if (active < size) {
				return slot();
			}

			return new Promise(resolve => {
				const wake = (): void => {
					signal?.removeEventListener('abort', cancel);
					resolve(slot());
				};

				const cancel = (): void => {
					const index = queue.indexOf(wake);
					if (index !== -1) {
						queue.splice(index, 1);
					}

					resolve(undefined);
				};

				queue.push(wake);
				signal?.addEventListener('abort', cancel, {once: true});
			});
		},
		active() {
			return active;
		},
	};
}
