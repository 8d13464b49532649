import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {rmSync} from 'node:fs';
import {waitForText} from './wait-for.js';

/** The tmux binary, or an error that says how to get it: the terminal tests never skip silently. */
export function requireTmux(): string {
	try {
		return execFileSync('tmux', ['-V'], {encoding: 'utf8'}).trim();
	} catch {
		throw new Error('tmux is required for the real-terminal tests (Debian/Ubuntu: apt-get install tmux; CI installs it)');
	}
}

/** A real pseudo-terminal: a tmux pane running one command, on a private tmux server of its own. */
export type Pty = {
	readonly name: string;
	/** Named keys as tmux knows them: `Enter`, `Down`, `C-c`… */
	readonly keys: (...keys: string[]) => void;
	/** Text typed (or pasted) literally, line breaks included, as one burst. */
	readonly paste: (text: string) => void;
	/** The pane's content (with scrollback); `escapes` keeps the colour and style sequences. */
	readonly screen: (options?: {escapes?: boolean}) => string;
	readonly waitFor: (expected: string | RegExp, options?: {timeoutMs?: number}) => Promise<string>;
	/** Whether the terminal's cursor is shown (tmux's `cursor_flag`): an app that hid it must show it again. */
	readonly cursorVisible: () => boolean;
	/** Ends the tmux session this pty created, and with it its private server and that server's socket file. */
	readonly close: () => void;
};

/**
Starts `command` (run by /bin/sh) in a detached tmux session with a unique name on a private socket (`-L`), so
nothing else on the machine is touched; the pane stays after the command ends so its last screen can be read.
*/
export function startPty(command: string, options: {columns?: number; rows?: number} = {}): Pty {
	const name = `fix403-test-${process.pid}-${randomBytes(4).toString('hex')}`;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', name, ...args], {encoding: 'utf8'});
	tmux(
		'new-session', '-d', '-s', name,
		'-x', String(options.columns ?? 100), '-y', String(options.rows ?? 40),
		'/bin/sh', '-c', command,
		';', 'set-option', '-t', name, 'remain-on-exit', 'on',
		';', 'set-option', '-t', name, 'history-limit', '5000',
	);
	// tmux leaves its socket file behind when the server exits with its last session.
	const socket = tmux('display-message', '-p', '-t', name, '#{socket_path}').trim();
	const screen = ({escapes = false} = {}) => tmux('capture-pane', '-p', '-J', ...(escapes ? ['-e'] : []), '-S', '-', '-t', name);
	return {
		name,
		keys(...keys) {
			tmux('send-keys', '-t', name, ...keys);
		},
		paste(text) {
			tmux('send-keys', '-t', name, '-l', text);
		},
		screen,
		waitFor: async (expected, waitOptions) => waitForText(() => screen(), expected, waitOptions),
		cursorVisible: () => tmux('display-message', '-p', '-t', name, '#{cursor_flag}').trim() === '1',
		close() {
			try {
				tmux('kill-session', '-t', name);
			} catch {
				// Already gone with its server.
			}

			if (socket.endsWith(name)) {
				rmSync(socket, {force: true});
			}
		},
	};
}
