import {escapeHtml} from '../text/escape-html.js';
import {httpDate} from './pages/http-date.js';
import type {LabPath, LabReply} from './types.js';

/** The lab's front page: the broken paths as links, for a browser pointed at the lab. */
export function labHome(paths: readonly LabPath[], now: number): LabReply {
	const rows = paths.map(path => `<li><a href="${escapeHtml(path.path)}">${escapeHtml(path.title)}</a> — <code>${path.cause}</code><br><small>${escapeHtml(path.hint)}</small></li>`).join('\n');
	const body = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>fix403 lab</title></head><body>\n<h1>fix403 lab</h1>\n<p>Each path answers 403 for a different reason to the request <code>fix403 lab</code> lists beside it (some only to that request: a script's user agent, a foreign Referer, a POST).</p>\n<ol>\n${rows}\n</ol>\n</body></html>\n`;
	return {status: 200, headers: {Date: httpDate(now), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'}, body};
}
