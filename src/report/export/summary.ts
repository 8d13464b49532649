import type {Report, ReportStatus} from '../types.js';

export const statusLabels: Record<ReportStatus, string> = {
	diagnosed: 'Diagnosed',
	'not-reproduced': 'Not reproduced',
	inconclusive: 'Inconclusive',
	unreachable: 'Unreachable',
};

export const markSymbols = {ok: '✓', fail: '✗', warn: '!', info: '·'} as const;

export type Summary = {
	/** `403 Forbidden: GET https://…` or the status label when nothing answered. */
	readonly headline: string;
	/** One sentence: the verdict. */
	readonly verdict: string;
};

/** What every export puts first: what failed, and what fix403 concluded. */
export function summarize(report: Report): Summary {
	const original = report.probes[0];
	const answered = original && original.status > 0 ? `${original.status}${original.statusText ? ` ${original.statusText}` : ''}` : undefined;
	const headline = `${answered ?? statusLabels[report.status]}: ${report.target.method} ${report.target.url}`;
	const top = report.causes[0];
	const verdict = report.status === 'diagnosed' && top
		? `Most likely: ${top.title} (${percent(top.confidence)} confidence).`
		: `${statusLabels[report.status]}${report.reason ? `: ${report.reason}` : '.'}`;
	return {headline, verdict};
}

export function percent(confidence: number): string {
	return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`;
}
