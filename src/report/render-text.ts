import {neutralizeTerminal} from '../text/neutralize-terminal.js';
import type {Report} from './types.js';

export type Paint = {
	readonly bold: (text: string) => string;
	readonly dim: (text: string) => string;
	readonly red: (text: string) => string;
	readonly green: (text: string) => string;
	readonly yellow: (text: string) => string;
};

export const noPaint: Paint = {bold: text => text, dim: text => text, red: text => text, green: text => text, yellow: text => text};

const statusLine: Record<Report['status'], string> = {
	diagnosed: 'Diagnosed',
	'not-reproduced': 'Not reproduced',
	inconclusive: 'Inconclusive',
	unreachable: 'Unreachable',
};

const markSymbol = {ok: '✓', fail: '✗', warn: '!', info: '·'} as const;

/** The human report of `--yes`: verdict first, then why, what to do, how to reproduce, and the runners-up. */
export function renderText(report: Report, paint: Paint = noPaint): string {
	const safe = neutralizeTerminal;
	const lines: string[] = [];
	lines.push(paint.bold(`fix403 — ${report.target.url ? `${report.target.method} ${safe(report.target.url)}` : 'a response without its URL'}`));
	const sentence = report.reason ?? report.summary;
	lines.push(`${paint.bold(statusLine[report.status])}${sentence ? `: ${safe(sentence)}` : ''}`);
	const [top, ...others] = report.causes;
	if (top) {
		lines.push('', paint.red(paint.bold(`✗ ${top.title}`)) + paint.dim(`  [${top.id}, ${Math.round(top.confidence * 100)}%${top.vendor ? `, ${top.vendor}` : ''}]`));
		lines.push('', paint.bold('Why'));
		lines.push(...top.evidence.map(item => `  • ${safe(item)}`));
		lines.push('', paint.bold(`What to do (${report.role})`));
		lines.push(...top.fix.map((step, index) => `  ${index + 1}. ${safe(step)}`));
	}

	if (!top) {
		const checks = report.transcript.filter(entry => entry.kind === 'check');
		if (checks.length > 0) {
			lines.push('', paint.bold('What was checked'));
			lines.push(...checks.map(entry => `  ${markSymbol[entry.mark ?? 'info']} ${safe(entry.text)}`));
		}
	}

	// The probes that show the cause; without such a pair, the request as sent is what reproduces it.
	const showing = report.probes.filter(probe => (top?.probes ? top.probes.includes(probe.id) : probe.id === 'original'));
	if (showing.length > 0) {
		lines.push('', paint.bold('Reproduce'));
		for (const probe of showing.slice(0, 6)) {
			lines.push(paint.dim(`  # ${safe(probe.label)} → ${probe.status}`), `  ${safe(probe.curl)}`);
		}
	}

	if (others.length > 0) {
		lines.push('', paint.bold('Also possible'));
		lines.push(...others.map(cause => `  ${String(Math.round(cause.confidence * 100)).padStart(3)}%  ${cause.title} [${cause.id}]`));
	}

	return `${lines.join('\n')}\n`;
}
