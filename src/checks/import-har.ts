import {readFile} from 'node:fs/promises';
import {analyzeHar, parseHar} from '../importers/har/index.js';
import type {Finding} from '../evidence/types.js';
import type {CheckDefinition} from './types.js';

/** Reads a HAR file: its failing entries, the one under diagnosis, and how it differs from a success. */
export const importHar: CheckDefinition = {
	name: 'import-har',
	description: 'Read a browser HAR file (redacted on import): pick the failing request and compare it with the successful ones to the same host.',
	params: {},
	label: (_params, context) => `Reading ${context.input.har ?? context.answers['har'] ?? 'the HAR file'}`,
	async run(_params, context) {
		const path = context.input.har ?? context.answers['har'];
		if (path === undefined) {
			return {summary: 'skipped: no HAR file given', mark: 'info', skipped: true};
		}

		const {har, secrets} = parseHar(await readFile(path));
		const analysis = analyzeHar(har);
		const wanted = context.input.url;
		const primary = analysis.failures.find(failure => wanted === undefined || failure.view.url === wanted) ?? analysis.failures[0];
		if (!primary) {
			return {summary: `${analysis.entryCount} requests, none answered 401, 403, 429 or 451`, mark: 'ok', findings: [{code: 'har.no-failure', text: `None of the ${analysis.entryCount} requests in the HAR file failed with 401, 403, 429 or 451.`, mark: 'info'}]};
		}

		const others = analysis.failures.filter(failure => failure !== primary);
		const findings: Finding[] = [...primary.findings];
		if (others.length > 0) {
			findings.push({
				code: 'har.other-failures',
				text: `${others.length} other request(s) in the HAR failed too: ${others.slice(0, 5).map(failure => `${failure.view.method} ${failure.view.url} (${failure.view.status})`).join(', ')}${others.length > 5 ? ', …' : ''}.`,
				mark: 'info',
			});
		}

		const entry = har.log.entries[primary.entryIndex]!;
		const headers = entry.request.headers.filter(header => !header.name.startsWith(':')).map(header => [header.name, header.value] as const);
		return {
			findings,
			facts: {learnedSecrets: secrets, primary: {...primary.view, source: 'har'}, request: {method: primary.view.method, url: primary.view.url, headers}},
			summary: `${analysis.failures.length} failing of ${analysis.entryCount} requests; diagnosing ${primary.view.method} ${primary.view.url} (${primary.view.status})`,
			mark: 'fail',
		};
	},
};
