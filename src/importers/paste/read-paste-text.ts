import {PasteError} from './paste-error.js';

/** Larger pastes are not responses a person copied; refuse them before doing any work. */
export const maximumPasteBytes = 10 * 1024 * 1024;

/**
Turns the raw input into text fit for the parsers: rejects empty, oversized and binary input with a typed
error; removes a BOM and terminal colour codes (HTTPie and curl print them when forced to); normalises line
ends. Bytes must be UTF-8.
*/
export function readPasteText(input: string | Uint8Array): string {
	const size = typeof input === 'string' ? input.length : input.byteLength;
	if (size > maximumPasteBytes) {
		throw new PasteError('paste-too-large', `The pasted response is larger than ${maximumPasteBytes / 1024 / 1024} MB; paste only the headers and the start of the body.`);
	}

	let text: string;
	if (typeof input === 'string') {
		text = input;
	} else {
		if (input.includes(0)) {
			throw binaryError();
		}

		text = new TextDecoder('utf-8', {fatal: false}).decode(input);
	}

	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') {
		throw new PasteError('paste-empty', 'The pasted response is empty; paste the output of `curl -i URL` or the response headers.');
	}

	if (looksBinary(text)) {
		throw binaryError();
	}

	// eslint-disable-next-line no-control-regex
	return text.replaceAll(/\u001B\[[\d;?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '').replaceAll(/\r\n?/g, '\n');
}

function binaryError(): PasteError {
	return new PasteError('paste-binary', 'The pasted input is binary, not text; paste the response headers as text (for example `curl -sS -D - -o /dev/null URL`).');
}

/** NUL anywhere, or more than 10% of the first 64 KiB being control characters or decoding errors (U+FFFD). */
function looksBinary(text: string): boolean {
	if (text.includes('\u0000')) {
		return true;
	}

	const sample = text.slice(0, 65_536);
	// eslint-disable-next-line no-control-regex
	const odd = sample.match(/[\u0001-\u0008\u000E-\u001A\u001C-\u001F\u007F\uFFFD]/g)?.length ?? 0;
	return odd > sample.length * 0.1;
}
