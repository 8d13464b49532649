import type {Readable, Transform} from 'node:stream';

export type BodyCaps = {
	/** Most bytes taken off the wire. */
	readonly wireCap: number;
	/** Most decoded bytes kept; decoding stops there, so a compression bomb never inflates past it. */
	readonly decodedCap: number;
};

export type CappedBody = {
	/** Decoded bytes, at most `decodedCap`. */
	readonly bytes: Buffer;
	/** Bytes taken off the wire, at most `wireCap`. */
	readonly wireBytes: number;
	/** The body went on past a cap and was cut. */
	readonly truncated: boolean;
	/** The body stream failed (reset, timeout, abort); `bytes` holds what came before. */
	readonly error?: unknown;
	/** The bytes did not decode with the announced Content-Encoding. */
	readonly decodeError?: unknown;
};

/**
Reads a response body through its decoders and stops at either cap: it then destroys the source, which
closes the connection, so a body of gigabytes is never downloaded and a bomb is never inflated. Never rejects.
*/
export async function readCappedBody(source: Readable, decoders: readonly Transform[], caps: BodyCaps): Promise<CappedBody> {
	return new Promise(resolve => {
		const chunks: Buffer[] = [];
		let kept = 0;
		let wireBytes = 0;
		let truncated = false;
		let settled = false;
		let error: unknown;
		let decodeError: unknown;
		const first = decoders[0];
		const decodedCap = first ? caps.decodedCap : Math.min(caps.wireCap, caps.decodedCap);

		const finish = (): void => {
			if (settled) {
				return;
			}

			settled = true;
			source.destroy();
			for (const decoder of decoders) {
				decoder.destroy();
			}

			resolve({bytes: Buffer.concat(chunks, kept), wireBytes, truncated, ...(error === undefined ? {} : {error}), ...(decodeError === undefined ? {} : {decodeError})});
		};

		// Ends the decoder chain so what it holds comes out; without decoders there is nothing left to wait for.
		const drainDecoders = (): void => {
			if (settled) {
				return;
			}

			if (first && !first.writableEnded) {
				first.end();
			} else if (!first) {
				finish();
			}
		};

		const keep = (chunk: Buffer): void => {
			if (settled) {
				return;
			}

			const room = decodedCap - kept;
			if (chunk.length > room) {
				chunks.push(chunk.subarray(0, room));
				kept += room;
				truncated = true;
				finish();
				return;
			}

			chunks.push(chunk);
			kept += chunk.length;
		};

		// The stream may have ended or failed before anyone listened (a HEAD answered with a body: Node emits the
		// response, a parse error and close in one turn); no event will come, so finish now with what it says.
		if (source.destroyed || source.readableEnded) {
			error = source.errored ?? undefined;
			finish();
			return;
		}

		if (!first) {
			source.on('data', (chunk: Buffer) => {
				wireBytes += settled ? 0 : chunk.length;
				keep(chunk);
			});
		} else {
			for (const [index, decoder] of decoders.entries()) {
				decoder.on('error', (decoderError: unknown) => {
					decodeError = decoderError;
					finish();
				});
				const next = decoders[index + 1];
				if (next) {
					decoder.pipe(next);
				}
			}

			const output = decoders.at(-1)!;
			output.on('data', keep);
			output.on('end', finish);
			source.on('data', (chunk: Buffer) => {
				if (settled || first.writableEnded) {
					return;
				}

				const room = caps.wireCap - wireBytes;
				wireBytes += chunk.length;
				if (chunk.length > room) {
					// Past the wire cap: decode up to it, then hang up.
					truncated = true;
					first.end(chunk.subarray(0, room));
					source.destroy();
				} else if (!first.write(chunk)) {
					source.pause();
					first.once('drain', () => source.resume());
				}
			});
		}

		source.on('end', drainDecoders);
		source.on('error', (sourceError: unknown) => {
			error ??= sourceError;
			drainDecoders();
		});
		source.on('close', () => {
			// Destroyed without 'end' or 'error' (by us at the cap, or by the other side): keep what we have.
			if (!source.readableEnded) {
				drainDecoders();
			}
		});
	});
}
