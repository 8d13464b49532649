import {createRedactor, type Redactor} from '../redact/index.js';
import type {Report} from '../types.js';
import type {ExportFormat} from './export-format.js';
import {toHar} from './to-har.js';
import {toHtml} from './to-html.js';
import {toJson} from './to-json.js';
import {toMarkdown} from './to-markdown.js';

export type ExportOptions = {
	/** The session's redactor (it knows the user's secrets); a default one when absent. */
	readonly redactor?: Redactor;
};

/**
The report in one of the transcript formats. Always redacts first, with the session's redactor when given,
so no export can carry a secret; redacting an already redacted report changes nothing.
*/
export function exportReport(report: Report, format: ExportFormat, options: ExportOptions = {}): string {
	const safe = (options.redactor ?? createRedactor()).report(report);
	switch (format) {
		case 'md': {
			return toMarkdown(safe);
		}

		case 'json': {
			return toJson(safe);
		}

		case 'html': {
			return toHtml(safe);
		}

		case 'har': {
			return `${JSON.stringify(toHar(safe), null, 2)}\n`;
		}
	}
}
