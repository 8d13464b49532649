import {isHeaderLine, parseRequestLine, parseStatusLine} from './header-lines.js';
import {parseCurlCommand} from './parse-curl-command.js';
import {parseCurlVerbose} from './parse-curl-verbose.js';
import {parseDevtoolsHeaders} from './parse-devtools-headers.js';
import {parseHttpMessages} from './parse-http-messages.js';
import {PasteError} from './paste-error.js';
import {readPasteText} from './read-paste-text.js';
import type {PastedExchange} from './types.js';

/** A line where command output starts: a status line, `curl -v` markers, data markers. */
const outputStart = /^(?:HTTP\/\d|[*<>](?: |$)|[{}] \[)/;

/**
Reads what a user pasted about a failing request: `curl -i`/`-I`/`-v` output, HTTPie output, raw HTTP/1.1 or
HTTP/2 messages, DevTools "Copy response headers", or a "Copy as cURL" command (optionally followed by its
output). Throws a `PasteError` (stable `code`, one-line message) for empty, binary, oversized or unrecognisable
input. The result is raw and may hold secrets: redact before showing or storing it.
*/
export function parsePastedResponse(input: string | Uint8Array): PastedExchange {
	const lines = readPasteText(input).split('\n');
	const first = lines.findIndex(line => line.trim() !== '');
	const firstLine = lines[first]!.trim();
	if (/^(?:[$%>]\s+)?curl(?:\.exe)?(?:\s|$)/i.test(firstLine)) {
		const outputAt = lines.findIndex((line, index) => index > first && outputStart.test(line));
		const command = parseCurlCommand(lines.slice(first, outputAt === -1 ? undefined : outputAt).join('\n'));
		const output = outputAt === -1 ? undefined : parseOutput(lines.slice(outputAt));
		if (command.request.url === '') {
			throw new PasteError('paste-unrecognised', 'The pasted curl command has no URL.');
		}

		return {
			...output,
			format: output?.format ?? 'curl-command',
			chain: output?.chain ?? [],
			request: command.request,
			options: command.options,
			warnings: command.warnings,
		};
	}

	const output = parseOutput(lines.slice(first));
	if (!output) {
		throw new PasteError('paste-unrecognised', 'The pasted text is not an HTTP response: paste the output of `curl -i URL`, `curl -v URL`, the response headers from DevTools, or a "Copy as cURL" command.');
	}

	return output;
}

function parseOutput(lines: readonly string[]): PastedExchange | undefined {
	if (lines.some(line => /^< HTTP\/\d/.test(line) || /^> [A-Z]+ \S+ HTTP\/\d/.test(line))) {
		const parsed = parseCurlVerbose(lines);
		return {format: 'curl-verbose', ...parsed, warnings: []};
	}

	const content = lines.filter(line => line.trim() !== '');
	const head = content[0]?.trim() ?? '';
	if (parseStatusLine(head) || parseRequestLine(head)) {
		const parsed = parseHttpMessages(lines);
		if (!parsed.request && !parsed.response) {
			return undefined;
		}

		const agent = parsed.request?.headers.find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? '';
		return {format: /HTTPie/i.test(agent) ? 'httpie' : 'http', ...parsed, warnings: []};
	}

	const headerLike = content.filter(line => isHeaderLine(line.trim()) || /^[ \t]/.test(line)).length;
	if (content.length > 0 && headerLike >= content.length * 0.8) {
		return {format: 'devtools-headers', response: parseDevtoolsHeaders(lines), chain: [], warnings: []};
	}

	return undefined;
}
