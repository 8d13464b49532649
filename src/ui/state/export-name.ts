import type {ExportFormat} from '../../report/export/index.js';

/** The formats the export offers, in the order shown; Markdown first, as the one for tickets. */
export const exportChoices: ReadonlyArray<{readonly value: ExportFormat; readonly label: string}> = [
	{value: 'md', label: 'Markdown — ready to paste into a ticket'},
	{value: 'json', label: 'JSON — the report (schema fix403/report@1)'},
	{value: 'html', label: 'HTML — a page to attach or open in a browser'},
	{value: 'har', label: 'HAR — the requests and responses, for DevTools'},
];

/** `fix403-<host>-<yyyymmdd-hhmmss>.<ext>`, local time; the host made safe for any file system. */
export function defaultExportName(url: string | undefined, date: Date, extension: string): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
	return `fix403-${hostPart(url)}-${stamp}.${extension}`;
}

function hostPart(url: string | undefined): string {
	let host = '';
	try {
		host = url ? new URL(url).host : '';
	} catch {}

	const safe = host.toLowerCase().replace(/[^a-z\d.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
	return safe === '' ? 'session' : safe.slice(0, 64);
}
