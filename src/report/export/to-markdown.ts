import type {HeaderMap} from '../../evidence/types.js';
import type {Report, ReportCause, ReportProbe} from '../types.js';
import {fenced, inlineCode, markdownText} from './markdown-text.js';
import {markSymbols, percent, statusLabels, summarize} from './summary.js';

const kindLabels = {question: 'Asked', answer: 'Answered', check: 'Checked', finding: 'Found', conclusion: 'Concluded'} as const;

/**
A ticket-ready Markdown transcript: headline and verdict first, then the steps taken, the causes with their
evidence and fixes, and every request sent with its curl command, response headers and body excerpt in fenced
blocks. Expects a redacted report (exportReport redacts).
*/
export function toMarkdown(report: Report): string {
	const {headline, verdict} = summarize(report);
	const lines = [
		`# ${markdownText(headline)}`,
		'',
		`**${statusLabels[report.status]}.** ${markdownText(verdict)}`,
		'',
		`- URL: ${inlineCode(report.target.url)}`,
		`- Method: ${inlineCode(report.target.method)}`,
		`- Troubleshooting as: ${report.role}`,
		`- Generated: ${markdownText(report.generatedAt)} by ${markdownText(`${report.tool.name} ${report.tool.version}`)}`,
	];
	if (report.transcript.length > 0) {
		lines.push('', '## Steps', '', ...report.transcript.map((entry, index) => `${index + 1}. ${entry.mark ? `${markSymbols[entry.mark]} ` : ''}**${kindLabels[entry.kind]}:** ${markdownText(entry.text)}`));
	}

	if (report.causes.length > 0) {
		lines.push('', '## Causes', ...report.causes.flatMap((cause, index) => causeLines(cause, index)));
	}

	if (report.probes.length > 0) {
		lines.push('', '## Requests sent', ...report.probes.flatMap(probe => probeLines(probe)));
	}

	return `${lines.join('\n')}\n`;
}

function causeLines(cause: ReportCause, index: number): string[] {
	const lines = [
		'',
		`### ${index + 1}. ${markdownText(cause.title)} (${percent(cause.confidence)})`,
		'',
		`Cause ${inlineCode(cause.id)}, layer ${cause.layer}${cause.vendor ? `, served by ${cause.vendor}` : ''}.`,
	];
	if (cause.evidence.length > 0) {
		lines.push('', '**Evidence**', '', ...cause.evidence.map(item => `- ${markdownText(item)}`));
	}

	if (cause.fix.length > 0) {
		lines.push('', '**Fix**', '', ...cause.fix.map((step, number) => `${number + 1}. ${markdownText(step)}`));
	}

	if (cause.locations && cause.locations.length > 0) {
		lines.push('', '**Where to look**', '', ...cause.locations.map(location => `- ${inlineCode(location.file)}${location.line === undefined ? '' : ` line ${location.line}`}`));
	}

	return lines;
}

function probeLines(probe: ReportProbe): string[] {
	const outcome = probe.status > 0 ? `**${probe.status}${probe.statusText ? ` ${markdownText(probe.statusText)}` : ''}**` : `no answer (${markdownText(probe.error?.message ?? 'unknown error')})`;
	const lines = [
		'',
		`### ${markdownText(probe.label)}`,
		'',
		`${inlineCode(`${probe.method} ${probe.url}`)} → ${outcome} in ${Math.round(probe.ms)} ms`,
		'',
		fenced(probe.curl, 'sh'),
	];
	const headers = headerText(probe.headers);
	if (headers) {
		lines.push('', 'Response headers:', '', fenced(headers, 'http'));
	}

	if (probe.bodyExcerpt) {
		lines.push('', 'Body (excerpt):', '', fenced(probe.bodyExcerpt, 'text'));
	}

	return lines;
}

export function headerText(headers: HeaderMap): string {
	return Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map(one => `${name}: ${one}`)).join('\n');
}
