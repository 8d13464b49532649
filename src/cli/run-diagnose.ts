import {loadSessionFlow} from '../flow/load-session-flow.js';
import type {Flow} from '../flow/types.js';
import type {Session} from '../engine/session.js';
import {runHeadless} from '../engine/run-headless.js';
import {sessionReport} from '../engine/session-report.js';
import {vocabulary} from '../engine/vocabulary.js';
import {renderText} from '../report/render-text.js';
import type {Report} from '../report/types.js';
import {checkAnswers} from './check-answers.js';
import {checkEvidence} from './check-evidence.js';
import {createPaint} from './paint.js';
import type {CliIo} from './main.js';
import type {Diagnose} from './parse-args.js';
import {preflight} from './preflight.js';
import {readStdin} from './read-stdin.js';
import {checkTranscriptPath, writeTranscript} from './write-transcript.js';

/** Ink's output is unusable without a terminal and in CI (it only prints at exit), so go headless there. */
export function wantsWizard(options: Diagnose, io: CliIo): boolean {
	const ci = io.env['CI'];
	const inCi = ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
	return options.output === 'wizard' && Boolean(io.stdout.isTTY) && Boolean(io.stdin.isTTY) && !inCi && options.input.headersFile !== '-';
}

/**
Everything that can be judged before the first question: named files, the transcript path, the flow, the
--answer ids, stdin, the HAR or paste. A problem here costs the user nothing — no request was sent yet.
*/
export async function prepareSession(options: Diagnose, io: CliIo): Promise<{flow: Flow; input: Diagnose['input']}> {
	preflight(options.input, options.flowFile);
	if (options.transcript !== undefined) {
		checkTranscriptPath(options.transcript);
	}

	const flow = await loadSessionFlow(options.flowFile, vocabulary);
	checkAnswers(flow, options.input.answers);
	let {input} = options;
	if (input.headersFile === '-') {
		input = {...input, headersText: await readStdin(io.stdin)};
	}

	await checkEvidence(input);
	return {flow, input};
}

/** `fix403 [URL] [options]`: the wizard in a terminal, the headless report everywhere else. */
export async function runDiagnose(options: Diagnose, io: CliIo): Promise<number> {
	const {flow, input} = await prepareSession(options, io);

	if (wantsWizard(options, io)) {
		const {runWizard} = await import('../ui/run-wizard.js');
		return runWizard({flow, input, transcript: options.transcript, color: options.color}, io);
	}

	let session: Session | undefined;
	let interrupt!: (error: unknown) => void;
	const interrupted = new Promise<never>((_resolve, reject) => {
		interrupt = reject;
	});
	const onSigint = () => {
		session?.stop();
		interrupt(new Interrupted());
	};

	// Node fires beforeExit when nothing is left that could ever settle the session (no socket, no timer): a bug
	// somewhere below. Say so, with the report of what was done, instead of exiting silently (status 13).
	const onStall = () => {
		interrupt(new Stalled());
	};

	process.once('SIGINT', onSigint);
	process.once('beforeExit', onStall);
	let report: Report;
	try {
		report = await Promise.race([
			runHeadless(flow, input, {
				onSession(started) {
					session = started;
				},
			}),
			interrupted,
		]);
	} catch (error) {
		if (error instanceof Interrupted) {
			io.stderr.write('fix403: interrupted\n');
			return 130;
		}

		if (error instanceof Stalled && session) {
			session.stop();
			printReport(sessionReport(session.input, session.view().context), options, io);
			io.stderr.write('fix403: internal error — the session stopped with a check still waiting for something that can never come (this is a bug, please report it); the report on stdout is incomplete\n');
			return 1;
		}

		throw error;
	} finally {
		process.removeListener('SIGINT', onSigint);
		process.removeListener('beforeExit', onStall);
	}

	printReport(report, options, io);
	if (options.transcript !== undefined) {
		return writeTranscript(options.transcript, report, io);
	}

	return 0;
}

function printReport(report: Report, options: Diagnose, io: CliIo): void {
	io.stdout.write(options.output === 'json' ? `${JSON.stringify(report, undefined, 2)}\n` : renderText(report, createPaint(options.color && Boolean(io.stdout.isTTY))));
}

class Interrupted extends Error {}

class Stalled extends Error {}
