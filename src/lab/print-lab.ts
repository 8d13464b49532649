import type {LabPath} from './types.js';
import {labArguments, labCommand, labCurl} from './lab-input.js';

/** The lab as people read it: where it runs, then each path with its cause and the command that reproduces it. */
export function labListing(origin: string, paths: readonly LabPath[]): string {
	const width = Math.max(...paths.map(path => path.cause.length));
	const lines = [`fix403 lab on ${origin} — loopback only; Ctrl-C stops it.`, ''];
	for (const [index, path] of paths.entries()) {
		lines.push(`${String(index + 1).padStart(2)}. ${path.cause.padEnd(width)}  ${path.title}`, `    ${labCommand(path)}`, '');
	}

	lines.push(`Open ${origin}/ in a browser for the list as links.`, '');
	return lines.join('\n');
}

/** The lab as scripts read it: one JSON object on one line. */
export function labJson(origin: string, paths: readonly LabPath[]): string {
	return `${JSON.stringify({
		schema: 'fix403/lab@1',
		origin,
		paths: paths.map(path => ({...path, args: labArguments(path), command: labCommand(path), curl: labCurl(path)})),
	})}\n`;
}
