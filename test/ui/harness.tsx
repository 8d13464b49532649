import {render as inkRender} from 'ink';
import {render} from 'ink-testing-library';
import type {SessionInput} from '../../src/engine/session-input.js';
import {defaultInput} from '../../src/engine/session-input.js';
import type {Session} from '../../src/engine/session.js';
import {startSession} from '../../src/engine/start-session.js';
import type {Flow} from '../../src/flow/types.js';
import {createWizardStore} from '../../src/ui/state/wizard-store.js';
import {Wizard} from '../../src/ui/wizard.js';
import {createWizardEffects} from '../../src/ui/wizard-effects.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';
import {fakeTerminal} from './fake-terminal.js';

/** Keys as a terminal sends them (Ink 6: Enter is CR, Backspace is DEL). */
export const keys = {
	enter: '\r',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	backspace: '\u007F',
	escape: '\u001B',
	ctrlA: '\u0001',
	ctrlC: '\u0003',
	ctrlD: '\u0004',
} as const;

export type Mounted = {
	readonly session: Session;
	readonly frame: () => string;
	readonly frames: () => readonly string[];
	/** Lets Ink's input handlers settle, then sends the data as one chunk. */
	readonly press: (data: string) => Promise<void>;
	readonly waitFor: (expected: string | RegExp | (() => boolean)) => Promise<string>;
	readonly unmount: () => void;
};

export type MountOptions = {
	readonly flow: Flow;
	readonly input?: Partial<SessionInput>;
	readonly color?: boolean;
	/** Renders on a fake terminal this wide instead of ink-testing-library's 100 columns. */
	readonly columns?: number;
	/** Where exports go. */
	readonly cwd?: string;
};

/**
`useInput` subscribes in a passive effect, so a key sent right after a frame changed can be swallowed
(ink-testing-library#11, REFERENCE §3.3): wait a turn of the event loop and a few milliseconds first.
*/
export async function settle(): Promise<void> {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	await new Promise(resolve => {
		setTimeout(resolve, 15);
	});
}

/** The wizard on a session of the given flow, rendered with Ink's debug output so every frame is whole. */
export function mountWizard(options: MountOptions): Mounted {
	const session = startSession(options.flow, {...defaultInput, ...options.input}, 'interactive');
	const store = createWizardStore(session, {title: options.flow.title});
	const effects = createWizardEffects(session, {cwd: options.cwd});
	const tree = <Wizard store={store} session={session} effects={effects} color={options.color ?? false} />;
	const terminal = options.columns === undefined ? fromTestingLibrary(render(tree)) : narrowTerminal(tree, options.columns);
	const frame = () => terminal.lastFrame() ?? '';
	return {
		session,
		frame,
		frames: terminal.frames,
		async press(data) {
			await settle();
			terminal.write(data);
		},
		async waitFor(expected) {
			if (typeof expected === 'function') {
				await waitFor(expected, {describe: frame});
				return frame();
			}

			return waitForText(frame, expected);
		},
		unmount() {
			terminal.unmount();
			session.stop();
			store.dispose();
		},
	};
}

type Terminal = {
	lastFrame: () => string | undefined;
	frames: () => readonly string[];
	write: (data: string) => void;
	unmount: () => void;
};

function fromTestingLibrary(rendered: ReturnType<typeof render>): Terminal {
	return {lastFrame: rendered.lastFrame, frames: () => rendered.frames, write: data => rendered.stdin.write(data), unmount: rendered.unmount};
}

/** Renders any element on a fake terminal of the given width; returns its last frame. */
export function renderAt(columns: number, element: React.ReactElement): string {
	const terminal = narrowTerminal(element, columns);
	const frame = terminal.lastFrame() ?? '';
	terminal.unmount();
	return frame;
}

/** ink-testing-library's fake terminal is fixed at 100 columns; this one has the width asked for. */
function narrowTerminal(tree: React.ReactElement, columns: number): Terminal {
	const terminal = fakeTerminal(columns);
	const instance = inkRender(tree, {stdout: terminal.stdout, stdin: terminal.stdin, stderr: terminal.stderr, debug: true, exitOnCtrlC: false, patchConsole: false});
	return {lastFrame: () => terminal.writes().at(-1), frames: terminal.writes, write: terminal.type, unmount: instance.unmount};
}
