import {EventEmitter} from 'node:events';

/** A terminal for Ink in-process: a TTY-like stdin to write keys into, a stdout that keeps every frame. */
export type FakeTerminal = {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	/** Everything written to stdout, one entry per write. */
	readonly writes: () => readonly string[];
	readonly errors: () => string;
	/** Sends data as one chunk, the way a terminal delivers a key or a paste. */
	readonly type: (data: string) => void;
	/** Raw mode as the app last set it. */
	readonly rawMode: () => boolean;
};

export function fakeTerminal(columns = 100): FakeTerminal {
	const writes: string[] = [];
	let errors = '';
	let raw = false;
	const stdout = Object.assign(new EventEmitter(), {
		columns,
		rows: 40,
		isTTY: true,
		write(chunk: string) {
			writes.push(chunk);
			return true;
		},
	});
	const stdin = Object.assign(new EventEmitter(), {
		isTTY: true,
		data: null as string | null,
		setEncoding() {},
		setRawMode(mode: boolean) {
			raw = mode;
		},
		resume() {},
		pause() {},
		ref() {},
		unref() {},
		read() {
			const {data} = stdin;
			stdin.data = null;
			return data;
		},
	});
	const stderr = Object.assign(new EventEmitter(), {
		write(chunk: string) {
			errors += chunk;
			return true;
		},
	});
	return {
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		writes: () => writes,
		errors: () => errors,
		type(data) {
			stdin.data = data;
			stdin.emit('readable');
			stdin.emit('data', data);
		},
		rawMode: () => raw,
	};
}
