import type {Report} from '../../report/types.js';
import {neutralizeTerminal} from '../../text/neutralize-terminal.js';

const statusWord: Record<Report['status'], string> = {
	diagnosed: 'diagnosed',
	'not-reproduced': 'not reproduced',
	inconclusive: 'inconclusive',
	unreachable: 'unreachable',
};

export type SummaryInput = {
	readonly reason: 'quit' | 'interrupted';
	/** The report when the session reached a verdict. */
	readonly report?: Report;
	/** Files written after the wizard closed. */
	readonly written: readonly string[];
};

/** The one line printed after the wizard closes: the verdict (or how it stopped) and where the transcript went. */
export function summaryLine({reason, report, written}: SummaryInput): string {
	const top = report?.causes[0];
	const verdict = report
		? top
			? `${statusWord[report.status]} — ${top.title} (${top.id}, ${Math.round(top.confidence * 100)}%)`
			: `${statusWord[report.status]}${report.reason ? ` — ${report.reason}` : ''}`
		: reason === 'interrupted'
			? 'interrupted; requests in flight were cancelled'
			: 'stopped before a verdict';
	const where = written.length > 0 ? ` Transcript: ${written.join(', ')}` : '';
	return neutralizeTerminal(`fix403: ${verdict.replace(/\.$/, '')}.${where}`).replace(/\n/g, ' ');
}
