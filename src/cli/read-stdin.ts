import {UserError} from './user-error.js';

/** Pasted responses are small; anything larger than this on stdin is not one. */
const maxStdinBytes = 8 * 1024 * 1024;

/** Reads all of stdin (for `--headers-file -`), bounded. */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
		size += buffer.length;
		if (size > maxStdinBytes) {
			throw new UserError(`--headers-file -: more than ${maxStdinBytes / 1024 / 1024} MiB on stdin; that is not a pasted response`);
		}

		chunks.push(buffer);
	}

	return Buffer.concat(chunks).toString('utf8');
}
