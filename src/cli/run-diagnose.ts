import {builtinFlowPath} from '../flow/builtin-flow.js';
import {loadFlowFile} from '../flow/load-flow.js';
import type {Flow} from '../flow/types.js';
import type {Session} from '../engine/session.js';
import {runHeadless} from '../engine/run-headless.js';
import {vocabulary} from '../engine/vocabulary.js';
import {renderText} from '../report/render-text.js';
import type {Report} from '../report/types.js';
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

export async function loadSessionFlow(flowFile: string | undefined): Promise<Flow> {
	return loadFlowFile(flowFile ?? builtinFlowPath(), vocabulary);
}

/** `fix403 [URL] [options]`: the wizard in a terminal, the headless report everywhere else. */
export async function runDiagnose(options: Diagnose, io: CliIo): Promise<number> {
	preflight(options.input, options.flowFile);
	if (options.transcript !== undefined) {
		checkTranscriptPath(options.transcript);
	}

	const flow = await loadSessionFlow(options.flowFile);
	let {input} = options;
	if (input.headersFile === '-') {
		input = {...input, headersText: await readStdin(io.stdin)};
	}

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

	process.once('SIGINT', onSigint);
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

		throw error;
	} finally {
		process.removeListener('SIGINT', onSigint);
	}

	io.stdout.write(options.output === 'json' ? `${JSON.stringify(report, undefined, 2)}\n` : renderText(report, createPaint(options.color && Boolean(io.stdout.isTTY))));
	if (options.transcript !== undefined) {
		return writeTranscript(options.transcript, report, io);
	}

	return 0;
}

class Interrupted extends Error {}
