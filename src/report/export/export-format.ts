import path from 'node:path';

/** The transcript formats of `--transcript FILE` (CONTRACT.md), chosen by the file's extension. */
export const exportFormats = ['md', 'json', 'html', 'har'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Stable codes; the CLI maps both to exit status 2 with the one-line message. */
export type ExportErrorCode = 'export-unknown-format' | 'export-write-failed';

export class ExportError extends Error {
	readonly code: ExportErrorCode;

	constructor(code: ExportErrorCode, message: string, options?: {cause?: unknown}) {
		super(message, options);
		this.name = 'ExportError';
		this.code = code;
	}
}

const aliases: Record<string, ExportFormat> = {'.md': 'md', '.markdown': 'md', '.json': 'json', '.html': 'html', '.htm': 'html', '.har': 'har'};

/** `report.md` → `md`; case-insensitive; anything else is an `export-unknown-format` error. */
export function formatFromPath(file: string): ExportFormat {
	const extension = path.extname(file).toLowerCase();
	const format = aliases[extension];
	if (!format) {
		throw new ExportError('export-unknown-format', `Cannot tell the transcript format from "${path.basename(file)}": use a name ending in .md, .json, .html or .har.`);
	}

	return format;
}
