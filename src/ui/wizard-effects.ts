import {resolve} from 'node:path';
import type {Session} from '../engine/session.js';
import {sessionRedactor} from '../engine/session-redactor.js';
import type {FlowContext} from '../machine/context.js';
import {buildReport} from '../report/build-report.js';
import type {Report} from '../report/types.js';
import type {ExportFormat} from '../report/export/index.js';
import {defaultExportName} from './state/export-name.js';

/** What the wizard's views may ask for that is not theirs to do: build the report, write files. */
export type WizardEffects = {
	/** The report of a context, redacted like every report that leaves the process. */
	readonly report: (context: FlowContext) => Report;
	/** Writes the export (mode 0600) and resolves with the absolute path. */
	readonly exportTo: (format: ExportFormat, path: string, context: FlowContext) => Promise<string>;
	readonly defaultName: (format: ExportFormat, context: FlowContext) => string;
};

export type EffectOptions = {
	readonly now?: () => Date;
	/** Where relative export paths go; the current directory when absent. */
	readonly cwd?: string;
};

/** The real effects: the session's redactor, report/export's writers, the clock. */
export function createWizardEffects(session: Pick<Session, 'input'>, options: EffectOptions = {}): WizardEffects {
	const now = options.now ?? (() => new Date());
	const report = (context: FlowContext): Report =>
		sessionRedactor(session.input).report(buildReport(context, {insecure: session.input.insecure, now: now().getTime()}));
	return {
		report,
		async exportTo(format, path, context) {
			const target = options.cwd === undefined ? resolve(path) : resolve(options.cwd, path);
			// Loaded on first use: the exporters are only needed when the user exports.
			const {exportReport, writeExport} = await import('../report/export/index.js');
			await writeExport(target, exportReport(report(context), format, {redactor: sessionRedactor(session.input)}));
			return target;
		},
		defaultName: (format, context) => defaultExportName(report(context).target.url, now(), format),
	};
}
