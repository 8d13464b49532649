import type {Report, ReportProbe} from '../../src/report/types.js';

/** A probe shaped as the engine records it; override any field. */
export function sampleProbe(overrides: Partial<ReportProbe> = {}): ReportProbe {
	return {
		id: 'original',
		label: 'the original request',
		method: 'GET',
		url: 'https://files.example.com/report.pdf',
		curl: 'curl -i \'https://files.example.com/report.pdf\'',
		status: 403,
		statusText: 'Forbidden',
		httpVersion: '1.1',
		headers: {
			'content-type': 'text/html',
			server: 'nginx/1.24.0',
			date: 'Tue, 25 Nov 2026 10:00:00 GMT',
		},
		requestHeaders: [['User-Agent', 'fix403/0.1.0'], ['Accept', '*/*']],
		ms: 42,
		startedAt: '2026-11-25T10:00:00.000Z',
		// nginx's default 403 page (nginx/nginx src/http/ngx_http_special_response.c)
		bodyExcerpt: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n',
		// got's timings.phases, as the prober records them (src/net/send-once.ts)
		timings: {wait: 1, dns: 3, tcp: 4, tls: 6, request: 1, firstByte: 25, download: 2, total: 42},
		...overrides,
	};
}

/** A diagnosed report with one probe, two causes and a short transcript; override any field. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
	return {
		schema: 'fix403/report@1',
		target: {url: 'https://files.example.com/report.pdf', method: 'GET'},
		status: 'diagnosed',
		role: 'owner',
		causes: [
			{
				id: 'file-permissions',
				title: 'The web server cannot read the file',
				layer: 'server',
				confidence: 0.92,
				vendor: 'nginx',
				evidence: ['The error log says: open() "/srv/www/report.pdf" failed (13: Permission denied).'],
				fix: ['chmod o+r /srv/www/report.pdf'],
				locations: [{file: '/srv/www/report.pdf'}],
			},
			{
				id: 'server-deny-rule',
				title: 'A server rule forbids the path',
				layer: 'server',
				confidence: 0.2,
				evidence: ['The default nginx 403 page came back.'],
				fix: ['Look for `deny all;` in the location that serves /report.pdf.'],
			},
		],
		probes: [sampleProbe()],
		transcript: [
			{kind: 'question', text: 'Who are you?', step: 'askRole'},
			{kind: 'answer', text: 'The site owner', step: 'askRole'},
			{kind: 'check', text: 'Requested the URL: 403 Forbidden', mark: 'fail'},
			{kind: 'conclusion', text: 'The web server cannot read the file.'},
		],
		generatedAt: '2026-11-25T10:00:01.000Z',
		tool: {name: 'fix403', version: '0.1.0'},
		...overrides,
	};
}
