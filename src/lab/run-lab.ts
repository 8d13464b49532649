import type {CliIo} from '../cli/main.js';
import type {Diagnose} from '../cli/parse-args.js';
import {prepareSession, wantsWizard} from '../cli/run-diagnose.js';
import type {Flow} from '../flow/types.js';
import {labInput} from './lab-input.js';
import {labJson, labListing} from './print-lab.js';
import {startLab, type Lab} from './start-lab.js';

/**
`fix403 lab`. On a terminal: the menu, then the wizard on the chosen path with its request; the lab stops when
the wizard ends. Without one (or with --json/--yes): the list of paths, then the lab serves until SIGINT or
SIGTERM — for a second terminal running fix403 or curl against it.
*/
export async function runLab(options: Diagnose, io: CliIo): Promise<number> {
	const interactive = wantsWizard(options, io);
	// Bad options fail before the lab starts, as they do before a diagnosis sends anything.
	const flow = interactive ? (await prepareSession(options, io)).flow : undefined;
	const lab = await startLab();
	try {
		return flow ? await runInTerminal(lab, flow, options, io) : await serve(lab, options, io);
	} finally {
		await lab.close();
	}
}

async function runInTerminal(lab: Lab, flow: Flow, options: Diagnose, io: CliIo): Promise<number> {
	// Loaded only here: the headless lab never reads Ink or React.
	const [{pickLabPath}, {runWizard}] = await Promise.all([import('./pick-lab-path.js'), import('../ui/run-wizard.js')]);
	const path = await pickLabPath(lab.origin, lab.paths, options.color, io);
	if (typeof path === 'string') {
		// Ctrl-C ends with 130 here as in the wizard, the way shells report an interrupted command.
		return path === 'interrupted' ? 130 : 0;
	}

	return runWizard({flow, input: labInput(path, options.input), transcript: options.transcript, color: options.color}, io);
}

async function serve(lab: Lab, options: Diagnose, io: CliIo): Promise<number> {
	// Listen for the stop signals before printing: whoever reads the listing may send one at once.
	const stopped = new Promise<NodeJS.Signals>(resolve => {
		const stop = (name: NodeJS.Signals) => {
			process.removeListener('SIGINT', stop);
			process.removeListener('SIGTERM', stop);
			resolve(name);
		};

		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	io.stdout.write(options.output === 'json' ? labJson(lab.origin, lab.paths) : labListing(lab.origin, lab.paths));
	const signal = await stopped;
	io.stderr.write(`fix403 lab: ${signal}, stopped after ${lab.requests} request${lab.requests === 1 ? '' : 's'}.\n`);
	return 0;
}
