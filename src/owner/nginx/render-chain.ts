import type {Finding} from '../../evidence/types.js';

export type ChainParts = {
	readonly server: {readonly file: string; readonly line: number; readonly names: readonly string[]};
	readonly matchedBy: string;
	readonly location: {readonly file: string; readonly line: number; readonly match: string};
	readonly mappedPath?: string;
	readonly predictedStatus?: number;
	readonly findings: readonly Finding[];
};

/**
A few lines that show how nginx handles the request, for people:
`server example.com (site.conf:3, exact name) → location /admin/ (site.conf:9) → /srv/www/admin/x → 403: …`.
*/
export function renderChain(parts: ChainParts): string {
	const {server, location} = parts;
	const name = server.names.find(item => item !== '') ?? '(no server_name)';
	const lines = [`server ${name} (${server.file}:${server.line}, ${parts.matchedBy})`];
	lines.push(location.match === ''
		? '→ no location matched: the server block itself handles the request'
		: `→ location ${location.match} (${location.file}:${location.line})`);
	if (parts.mappedPath !== undefined) {
		lines.push(`→ ${parts.mappedPath}`);
	}

	const [first] = parts.findings.filter(finding => finding.mark === 'fail' || finding.mark === 'warn');
	const status = parts.predictedStatus === undefined ? 'status unknown' : String(parts.predictedStatus);
	lines.push(first === undefined ? `→ ${status}` : `→ ${status}: ${first.text}`);
	return lines.join('\n');
}
