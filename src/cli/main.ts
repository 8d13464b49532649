import {FlowError} from '../flow/flow-error.js';
import {UnansweredQuestionError} from '../engine/session.js';
import {helpText} from './help.js';
import {parseCommandLine} from './parse-args.js';
import {runDiagnose} from './run-diagnose.js';
import {runFlowCommand} from './run-flow-command.js';
import {UserError} from './user-error.js';
import {version} from '../version.js';

export type CliIo = {
	readonly argv: readonly string[];
	readonly env: NodeJS.ProcessEnv;
	readonly stdin: NodeJS.ReadableStream & {isTTY?: boolean};
	readonly stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number};
	readonly stderr: NodeJS.WritableStream;
};

/**
The composition root: arguments → command → exit status. Problems the user can act on print one line
and give 2; anything else is a bug and gives 1 with the stack, asking for a report.
*/
export async function main(io: CliIo): Promise<number> {
	try {
		const command = parseCommandLine(io.argv, io.env);
		switch (command.kind) {
			case 'help': {
				io.stdout.write(helpText);
				return 0;
			}

			case 'version': {
				io.stdout.write(`${version}\n`);
				return 0;
			}

			case 'flow-graph':
			case 'flow-check': {
				return await runFlowCommand(command, io);
			}

			case 'lab': {
				const {runLab} = await import('../lab/run-lab.js');
				return await runLab(command.diagnose, io);
			}

			case 'diagnose': {
				return await runDiagnose(command, io);
			}
		}
	} catch (error) {
		return reportError(error, io);
	}
}

export function reportError(error: unknown, io: Pick<CliIo, 'stderr'>): number {
	if (error instanceof UserError || error instanceof FlowError || error instanceof UnansweredQuestionError || isCodedUserError(error)) {
		io.stderr.write(`fix403: ${oneLine((error as Error).message)}\n`);
		return 2;
	}

	const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
	io.stderr.write(`fix403: internal error — this is a bug, please report it with the lines below.\n${detail}\n`);
	return 1;
}

/** Errors from importers and readers that carry a stable `FIX403_…`/input code are the user's to fix. */
function isCodedUserError(error: unknown): boolean {
	const code = (error as {code?: unknown} | undefined)?.code;
	return error instanceof Error && typeof code === 'string' && /^(FIX403_|BAD_|INVALID_|E(NOENT|ACCES|ISDIR|NOTDIR|PERM))/.test(code);
}

function oneLine(message: string): string {
	return message.replaceAll(/\s*\n\s*/g, ' ').trim();
}
