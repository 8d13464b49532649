import {createElement} from 'react';
import {render} from 'ink';
import type {CliIo} from '../cli/main.js';
import type {Session} from '../engine/session.js';
import type {SessionInput} from '../engine/session-input.js';
import {startSession} from '../engine/start-session.js';
import type {Flow} from '../flow/types.js';
import {isAgentMode} from '../machine/agent-mode.js';
import type {FlowContext} from '../machine/context.js';
import {ExportError, formatFromPath, type ExportFormat} from '../report/export/index.js';
import {createWizardStore} from './state/wizard-store.js';
import {summaryLine} from './state/summary-line.js';
import {Wizard, type WizardExit} from './wizard.js';
import {createWizardEffects, type WizardEffects} from './wizard-effects.js';

export type WizardOptions = {
	readonly flow: Flow;
	readonly input: SessionInput;
	/** `--transcript FILE`: also write the session there when the wizard closes (format by extension). */
	readonly transcript?: string;
	readonly color: boolean;
};

/** Seams for tests and embedders; the CLI passes none. */
export type WizardHooks = {
	readonly onSession?: (session: Session) => void;
	/** Ink's debug rendering: every frame written whole (tests read frames from a fake stdout). */
	readonly debug?: boolean;
	readonly now?: () => Date;
	/** Where the agent-mode transcript and relative paths go (default: the current directory). */
	readonly cwd?: string;
};

/**
Runs the interactive wizard on a terminal and returns the exit status: 0, or 130 when Ctrl-C ended it
(2 when a transcript could not be written). After Ink lets go of the terminal it prints one line: the verdict
and where the transcript went. In support-agent mode a Markdown transcript for the ticket is always written.
*/
export async function runWizard(options: WizardOptions, io: CliIo, hooks: WizardHooks = {}): Promise<number> {
	const session = startSession(options.flow, options.input, 'interactive');
	hooks.onSession?.(session);
	const store = createWizardStore(session, {title: options.flow.title});
	const effects = createWizardEffects(session, {now: hooks.now, cwd: hooks.cwd});
	const instance = render(createElement(Wizard, {store, session, effects, color: options.color}), {
		stdout: io.stdout as NodeJS.WriteStream,
		stdin: io.stdin as NodeJS.ReadStream,
		stderr: io.stderr as NodeJS.WriteStream,
		exitOnCtrlC: false,
		patchConsole: false,
		debug: hooks.debug ?? false,
	});
	// Ctrl-C reaches the wizard as a key (raw mode); a SIGINT sent from elsewhere ends it the same way.
	let signalled = false;
	const onSigint = () => {
		signalled = true;
		session.stop();
		instance.unmount();
	};

	process.once('SIGINT', onSigint);
	let ended: WizardExit;
	try {
		ended = ((await instance.waitUntilExit()) as WizardExit | undefined) ?? {reason: signalled ? 'interrupted' : 'quit'};
	} finally {
		process.removeListener('SIGINT', onSigint);
		session.stop();
		store.dispose();
	}

	const {context} = session.view();
	const report = context.outcome ? effects.report(context) : undefined;
	const {written, failed} = await writeTranscripts(wantedTranscripts(options.transcript, isAgentMode(session.input, context.answers), effects, context), effects, context);
	for (const failure of failed) {
		io.stderr.write(`fix403: ${failure.message}\n`);
	}

	io.stdout.write(`${summaryLine({reason: ended.reason, report, written})}\n`);
	return ended.reason === 'interrupted' ? 130 : failed.length > 0 ? 2 : 0;
}

type Wanted = {readonly format: ExportFormat; readonly path: string};

function wantedTranscripts(path: string | undefined, agent: boolean, effects: WizardEffects, context: FlowContext): Wanted[] {
	const wanted: Wanted[] = [];
	if (path !== undefined) {
		wanted.push({format: formatFromPath(path), path});
	}

	if (agent && !wanted.some(item => item.format === 'md')) {
		wanted.push({format: 'md', path: effects.defaultName('md', context)});
	}

	return wanted;
}

async function writeTranscripts(wanted: readonly Wanted[], effects: WizardEffects, context: FlowContext) {
	const written: string[] = [];
	const failed: Array<{path: string; message: string}> = [];
	for (const item of wanted) {
		try {
			written.push(await effects.exportTo(item.format, item.path, context));
		} catch (error) {
			// writeExport's errors name the file and the reason; anything else gets the file named here.
			failed.push({path: item.path, message: error instanceof ExportError ? error.message : `Cannot write the transcript to ${item.path}: ${String(error)}`});
		}
	}

	return {written, failed};
}
