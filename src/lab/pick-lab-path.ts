import {createElement} from 'react';
import {render} from 'ink';
import type {CliIo} from '../cli/main.js';
import {LabMenu, type LabChoice} from './lab-menu.js';
import type {LabPath} from './types.js';

/** Shows the lab menu on the terminal and resolves with the chosen path, or with how the user left. */
export async function pickLabPath(origin: string, paths: readonly LabPath[], color: boolean, io: CliIo): Promise<LabChoice> {
	let chosen: LabChoice = 'interrupted';
	const instance = render(
		createElement(LabMenu, {
			origin,
			paths,
			color,
			onDone(choice) {
				chosen = choice;
			},
		}),
		{stdout: io.stdout as NodeJS.WriteStream, stdin: io.stdin as NodeJS.ReadStream, stderr: io.stderr as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false},
	);
	// Ctrl-C arrives as a key in raw mode; a SIGINT sent from elsewhere leaves the menu the same way.
	const onSignal = () => {
		instance.unmount();
	};

	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		await instance.waitUntilExit();
	} finally {
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
	}

	return chosen;
}
