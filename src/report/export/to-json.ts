import type {Report} from '../types.js';

/**
The report as pretty JSON. JSON.stringify leaves C1 controls, bidi and other invisible format characters raw;
they are written as `\uXXXX` escapes here, so the file parses to the same data yet is safe to `cat`.
*/
export function toJson(report: Report): string {
	return `${JSON.stringify(report, null, 2).replaceAll(/[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, unit => Array.from({length: unit.length}, (_, index) => `\\u${unit.charCodeAt(index).toString(16).padStart(4, '0')}`).join(''))}\n`;
}
