import {createHash} from 'node:crypto';
import {escapeHtml} from '../../text/escape-html.js';
import {neutralizeTerminal} from '../../text/neutralize-terminal.js';
import type {Report, ReportCause, ReportProbe} from '../types.js';
import {htmlStyle} from './html-style.js';
import {headerText} from './to-markdown.js';
import {markSymbols, percent, statusLabels, summarize} from './summary.js';

/** Every piece of content goes through here: bidi and control characters made visible, then escaped. */
const h = (text: string): string => escapeHtml(neutralizeTerminal(text));

const kindLabels = {question: 'Asked', answer: 'Answered', check: 'Checked', finding: 'Found', conclusion: 'Concluded'} as const;

/**
One self-contained HTML page: inline CSS (allowed by its hash in a Content-Security-Policy that forbids
scripts, images, frames, forms and every fetch), no scripts, no external assets, no links. Content is only ever
placed as element text, escaped; attribute values are fixed class names.
*/
export function toHtml(report: Report): string {
	const {headline, verdict} = summarize(report);
	const styleHash = createHash('sha256').update(htmlStyle).digest('base64');
	const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'`;
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`fix403: ${headline}`)}</title>
<style>${htmlStyle}</style>
</head>
<body>
<header>
<h1>${h(headline)}</h1>
<p class="verdict ${escapeHtml(report.status)}" id="verdict"><strong>${h(statusLabels[report.status])}.</strong> ${h(verdict)}</p>
<dl class="facts">
<dt>URL</dt><dd><code>${h(report.target.url)}</code></dd>
<dt>Method</dt><dd><code>${h(report.target.method)}</code></dd>
<dt>Troubleshooting as</dt><dd>${h(report.role)}</dd>
<dt>Generated</dt><dd>${h(report.generatedAt)}</dd>
</dl>
</header>
${report.transcript.length > 0 ? `<section id="steps">\n<h2>Steps</h2>\n<ol class="steps">\n${report.transcript.map(entry => `<li>${entry.mark ? `<span class="mark-${entry.mark}">${markSymbols[entry.mark]}</span> ` : ''}<strong>${kindLabels[entry.kind]}:</strong> ${h(entry.text)}</li>`).join('\n')}\n</ol>\n</section>` : ''}
${report.causes.length > 0 ? `<section id="causes">\n<h2>Causes</h2>\n${report.causes.map((cause, index) => causeHtml(cause, index)).join('\n')}\n</section>` : ''}
${report.probes.length > 0 ? `<section id="requests">\n<h2>Requests sent</h2>\n${report.probes.map(probe => probeHtml(probe)).join('\n')}\n</section>` : ''}
<footer>${h(`${report.tool.name} ${report.tool.version}`)} · secrets are shown as [redacted]</footer>
</body>
</html>
`;
}

function causeHtml(cause: ReportCause, index: number): string {
	const parts = [
		`<article class="cause" id="cause-${index + 1}">`,
		`<h3><span class="meter">${percent(cause.confidence)}</span> ${h(cause.title)}</h3>`,
		`<p class="meta">Cause <code>${h(cause.id)}</code>, layer ${h(cause.layer)}${cause.vendor ? `, served by ${h(cause.vendor)}` : ''}</p>`,
	];
	if (cause.evidence.length > 0) {
		parts.push('<p><strong>Evidence</strong></p>', `<ul>${cause.evidence.map(item => `<li>${h(item)}</li>`).join('')}</ul>`);
	}

	if (cause.fix.length > 0) {
		parts.push('<p><strong>Fix</strong></p>', `<ol>${cause.fix.map(step => `<li>${h(step)}</li>`).join('')}</ol>`);
	}

	if (cause.locations && cause.locations.length > 0) {
		parts.push('<p><strong>Where to look</strong></p>', `<ul>${cause.locations.map(location => `<li><code>${h(location.file)}</code>${location.line === undefined ? '' : ` line ${Number(location.line)}`}</li>`).join('')}</ul>`);
	}

	return [...parts, '</article>'].join('\n');
}

function probeHtml(probe: ReportProbe): string {
	const outcome = probe.status > 0 ? `<strong>${Number(probe.status)}${probe.statusText ? ` ${h(probe.statusText)}` : ''}</strong>` : `no answer (${h(probe.error?.message ?? 'unknown error')})`;
	const headers = headerText(probe.headers);
	return [
		'<div class="probe">',
		`<h3>${h(probe.label)}</h3>`,
		`<p><code>${h(`${probe.method} ${probe.url}`)}</code> → ${outcome} in ${Math.round(Number(probe.ms))} ms</p>`,
		`<pre class="curl">${h(probe.curl)}</pre>`,
		headers ? `<p class="meta">Response headers</p><pre class="headers">${h(headers)}</pre>` : '',
		probe.bodyExcerpt ? `<p class="meta">Body (excerpt)</p><pre class="body">${h(probe.bodyExcerpt)}</pre>` : '',
		'</div>',
	].filter(Boolean).join('\n');
}
