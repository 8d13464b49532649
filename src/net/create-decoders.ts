import zlib from 'node:zlib';
import type {Transform} from 'node:stream';

// Z_SYNC_FLUSH at the end: a body we cut short (cap, reset) still yields what it decoded so far instead of an
// "unexpected end of file" error.
const gzipOptions = {finishFlush: zlib.constants.Z_SYNC_FLUSH};
const brotliOptions = {finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH};

const factories: Readonly<Record<string, () => Transform>> = {
	gzip: () => zlib.createGunzip(gzipOptions),
	'x-gzip': () => zlib.createGunzip(gzipOptions),
	deflate: () => zlib.createInflate(gzipOptions),
	br: () => zlib.createBrotliDecompress(brotliOptions),
};

/**
Decoders for a `Content-Encoding` value, in the order the body must pass through them (the header lists them
in the order they were applied). Empty for identity; undefined when a coding is not one we can decode
(zstd among them: Node 20's zlib has no zstd).
*/
export function createDecoders(contentEncoding: string | undefined): Transform[] | undefined {
	const codings = (contentEncoding ?? '')
		.split(',')
		.map(coding => coding.trim().toLowerCase())
		.filter(coding => coding !== '' && coding !== 'identity');
	const decoders: Transform[] = [];
	for (const coding of codings.reverse()) {
		const factory = Object.hasOwn(factories, coding) ? factories[coding] : undefined;
		if (!factory) {
			for (const decoder of decoders) {
				decoder.destroy();
			}

			return undefined;
		}

		decoders.push(factory());
	}

	return decoders;
}
