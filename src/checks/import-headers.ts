import {readFile} from 'node:fs/promises';
import {parsePastedResponse, secretsInPaste} from '../importers/paste/index.js';
import type {Finding} from '../evidence/types.js';
import type {FlowContext} from '../machine/context.js';
import type {CheckDefinition} from './types.js';

/** The pasted text: stdin (`--headers-file -`), a file, or what was pasted in the wizard. */
async function pastedText(context: FlowContext): Promise<string | Uint8Array | undefined> {
	if (context.input.headersText !== undefined) {
		return context.input.headersText;
	}

	if (context.input.headersFile !== undefined && context.input.headersFile !== '-') {
		return readFile(context.input.headersFile);
	}

	const answer = context.answers['headers'];
	return answer === undefined || answer.trim() === '' ? undefined : answer;
}

/** Reads a pasted response (curl -i/-v, HTTPie, DevTools, raw HTTP, "Copy as cURL") as the response to diagnose. */
export const importHeaders: CheckDefinition = {
	name: 'import-headers',
	description: 'Read a pasted response: curl -i/-I/-v output, HTTPie, DevTools "Copy response headers", raw HTTP/1.1 or HTTP/2, or a "Copy as cURL" command.',
	params: {},
	label: () => 'Reading the pasted response',
	async run(_params, context) {
		const text = await pastedText(context);
		if (text === undefined) {
			return {summary: 'skipped: nothing was pasted', mark: 'info', skipped: true};
		}

		const exchange = parsePastedResponse(text);
		const learnedSecrets = secretsInPaste(exchange);
		const url = exchange.request?.url.startsWith('http') ? exchange.request.url : (context.input.url ?? context.answers['url']);
		const request = exchange.request && url ? {method: exchange.request.method, url, headers: exchange.request.headers} : undefined;
		const findings: Finding[] = exchange.warnings.map(warning => ({code: 'paste.warning', text: warning, mark: 'warn'}));
		// DevTools' "Copy response headers" has no status line; what people paste is the failing response.
		const statusless = exchange.response?.status === 0 && Object.keys(exchange.response.headers).length > 0;
		if (statusless) {
			findings.push({code: 'paste.no-status', text: 'The pasted headers have no status line; they are read as the 403 response.', mark: 'info'});
		}

		const response = exchange.response && (exchange.response.status > 0 || statusless) ? {...exchange.response, status: exchange.response.status || 403} : undefined;
		if (!response) {
			return {
				findings,
				facts: {learnedSecrets, ...(request ? {request} : {})},
				summary: request ? `a ${exchange.format} for ${request.method} ${request.url}, without a response` : `no status line in the ${exchange.format}`,
				mark: 'info',
			};
		}

		const requestHeaders = Object.fromEntries((exchange.request?.headers ?? []).map(([name, value]) => [name.toLowerCase(), value]));
		return {
			findings,
			facts: {
				learnedSecrets,
				primary: {source: 'paste', url: url ?? '', method: exchange.request?.method ?? context.input.method, status: response.status, headers: response.headers, body: response.body, requestHeaders},
				...(request ? {request} : {}),
			},
			summary: `${exchange.format}: ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${exchange.chain.length > 0 ? ` after ${exchange.chain.length} redirect(s)` : ''}`,
			mark: response.status >= 400 ? 'fail' : 'ok',
		};
	},
};
