import {FlowError} from '../flow/flow-error.js';
import {UnansweredQuestionError} from '../engine/session.js';
import {errorLine} from './error-line.js';
import {helpText} from './help.js';
import {parseCommandLine} from './parse-args.js';
import {runDiagnose} from './run-diagnose.js';
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
				// Only `flow …` needs the YAML parser; keep it out of the diagnosis's start-up.
				const {runFlowCommand} = await import('./run-flow-command.js');
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

/** Maps an error to its exit status and writes it: one `fix403: …` line for the user's problems, a stack for bugs. */
export function reportError(error: unknown, io: Pick<CliIo, 'stderr'>): number {
	if (error instanceof UserError || error instanceof FlowError || error instanceof UnansweredQuestionError || isCodedUserError(error)) {
		io.stderr.write(`fix403: ${errorLine((error as Error).message)}\n`);
		return 2;
	}

	const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
	io.stderr.write(`fix403: internal error — this is a bug, please report it with the lines below.\n${detail}\n`);
	return 1;
}

/**
Typed errors of the importers and readers whose stable `code` says the input is at fault: HarError (`har-…`),
PasteError (`paste-…`), ExportError (`export-…`), NginxConfigError (`ERR_NGINX_…`), ApacheConfigError
(`APACHE_CONFIG_…`), LogReadError and fs errno codes, UnknownWebUserError (`EUNKNOWNUSER`). Matched by code so
that this module does not load every reader.
*/
const userErrorCodes = /^(?:FIX403_|BAD_|INVALID_|har-|paste-|export-|ERR_NGINX_|APACHE_CONFIG_|E(?:NOENT|ACCES|ISDIR|NOTDIR|PERM|LOOP|COMPRESSED|UNKNOWNUSER)$)/;

function isCodedUserError(error: unknown): boolean {
	const code = (error as {code?: unknown} | undefined)?.code;
	return error instanceof Error && typeof code === 'string' && userErrorCodes.test(code);
}
