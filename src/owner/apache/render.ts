import type {ApacheAnalysis} from './analysis.js';

const marks = {ok: '✓', fail: '✗', warn: '!', info: '·'} as const;

/** A short plain-text account of an analysis, for the human report and the transcript. */
export function renderApacheAnalysis(analysis: ApacheAnalysis): string {
	const lines = [`Apache: ${analysis.vhost.name}${analysis.vhost.file ? ` (${analysis.vhost.file}:${analysis.vhost.line ?? '?'})` : ''} — ${analysis.vhost.reason}`];
	if (analysis.mappedPath) {
		lines.push(`Maps to ${analysis.mappedPath}${analysis.mappedBy ? ` via ${analysis.mappedBy.text} (${analysis.mappedBy.file}:${analysis.mappedBy.line})` : ''}`);
	} else {
		lines.push('The URL does not map to a file (no DocumentRoot or Alias for it).');
	}

	lines.push('Sections applied, in merge order:');
	for (const section of analysis.sections) {
		lines.push(`  ${section.label}  ${section.file}:${section.line}`);
	}

	lines.push(`Verdict: ${analysis.verdict}`);
	for (const finding of analysis.findings) {
		const location = finding.location ? `  [${finding.location.file}${finding.location.line === undefined ? '' : `:${finding.location.line}`}]` : '';
		lines.push(`${marks[finding.mark ?? 'info']} ${finding.text}${location}`);
		for (const step of finding.fix?.owner ?? []) {
			lines.push(`    → ${step}`);
		}
	}

	return lines.join('\n');
}
