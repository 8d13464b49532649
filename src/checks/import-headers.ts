import {readFile} from 'node:fs/promises';
import {parsePastedResponse} from '../importers/paste/index.js';
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
		const url = exchange.request?.url.startsWith('http') ? exchange.request.url : (context.input.url ?? context.answers['url']);
		const request = exchange.request && url ? {method: exchange.request.method, url, headers: exchange.request.headers} : undefined;
		const response = exchange.response && exchange.response.status > 0 ? exchange.response : undefined;
		const findings = exchange.warnings.map(warning => ({code: 'paste.warning', text: warning, mark: 'warn' as const}));
		if (!response) {
			return {
				findings,
				facts: request ? {request} : {},
				summary: request ? `a ${exchange.format} for ${request.method} ${request.url}, without a response` : `no status line in the ${exchange.format}`,
				mark: 'info',
			};
		}

		const requestHeaders = Object.fromEntries((exchange.request?.headers ?? []).map(([name, value]) => [name.toLowerCase(), value]));
		return {
			findings,
			facts: {
				primary: {source: 'paste', url: url ?? '', method: exchange.request?.method ?? context.input.method, status: response.status, headers: response.headers, body: response.body, requestHeaders},
				...(request ? {request} : {}),
			},
			summary: `${exchange.format}: ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${exchange.chain.length > 0 ? ` after ${exchange.chain.length} redirect(s)` : ''}`,
			mark: response.status >= 400 ? 'fail' : 'ok',
		};
	},
};
