import {afterEach, expect, test} from 'vitest';
import {startWatched, type Watched} from '../helpers/hostile-servers.js';
import {createProber, type ProberOptions} from '../../src/net/prober.js';
import {fix403UserAgent} from '../../src/net/default-user-agent.js';
import type {ProbeRequest} from '../../src/net/probe-types.js';

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

const options: ProberOptions = {timeoutMs: 5000, insecure: false, userAgent: fix403UserAgent};
const probe = (url: string, extra: Partial<ProbeRequest> = {}): ProbeRequest => ({id: 'original', label: 'as given', method: 'GET', url, headers: [], ...extra});

// nginx's default 403 page (nginx/nginx src/http/ngx_http_special_response.c, see REFERENCE.md §2.0).
const nginx403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

test('a 403 is data: status, status text, headers and body come back, no failure', async () => {
	const server = await startWatched((_request, response) => {
		response.writeHead(403, {'Content-Type': 'text/html', Server: 'nginx'});
		response.end(nginx403);
	});
	servers.push(server);

	const record = await createProber(options).send(probe(`${server.origin}/secret/`));

	expect(record.failure).toBeUndefined();
	expect(record.status).toBe(403);
	expect(record.statusText).toBe('Forbidden');
	expect(record.httpVersion).toBe('1.1');
	expect(record.headers['server']).toBe('nginx');
	expect(record.body).toBe(nginx403);
	expect(record.bodyTruncated).toBe(false);
	expect(record.redirects).toEqual([]);
	expect(record.id).toBe('original');
	expect(record.url).toBe(`${server.origin}/secret/`);
});

test('a header sent twice keeps both values, in order (two WWW-Authenticate challenges)', async () => {
	const server = await startWatched((_request, response) => {
		response.writeHead(401, [['WWW-Authenticate', 'Bearer realm="api"'], ['WWW-Authenticate', 'Basic realm="legacy"'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
		response.end();
	});
	servers.push(server);

	const record = await createProber(options).send(probe(server.origin));

	expect(record.headers['www-authenticate']).toEqual(['Bearer realm="api"', 'Basic realm="legacy"']);
	expect(record.headers['set-cookie']).toEqual(['a=1', 'b=2']);
});

test('the fix403 User-Agent goes out when the probe sets none; a probe\'s own User-Agent wins', async () => {
	const server = await startWatched((_request, response) => {
		response.end('ok');
	});
	servers.push(server);
	const prober = createProber(options);

	const plain = await prober.send(probe(server.origin));
	await prober.send(probe(server.origin, {headers: [['user-agent', 'curl/8.5.0']]}));

	expect(server.seen[0]?.headers['user-agent']).toBe(fix403UserAgent);
	expect(fix403UserAgent).toMatch(/^fix403\/\S+ \(\+https:\/\/\S+\)$/);
	expect(plain.requestHeaders).toContainEqual(['User-Agent', fix403UserAgent]);
	expect(server.seen[1]?.headers['user-agent']).toBe('curl/8.5.0');
	// Nothing else of got's own: no got UA, no Accept-Encoding the probe did not ask for.
	expect(server.seen[0]?.headers['accept-encoding']).toBeUndefined();
});

test('method, headers and body reach the server as given', async () => {
	const server = await startWatched((_request, response) => {
		response.writeHead(403, {'Content-Type': 'application/json'});
		response.end('{"detail":"CSRF Failed: CSRF token missing."}');
	});
	servers.push(server);

	const record = await createProber(options).send(probe(`${server.origin}/api/items?x=1`, {
		method: 'POST',
		headers: [['Content-Type', 'application/json'], ['X-Requested-With', 'XMLHttpRequest']],
		body: '{"name":"a"}',
	}));

	expect(server.seen).toHaveLength(1);
	expect(server.seen[0]).toMatchObject({method: 'POST', url: '/api/items?x=1', body: '{"name":"a"}'});
	expect(server.seen[0]?.headers['x-requested-with']).toBe('XMLHttpRequest');
	expect(server.seen[0]?.headers['content-length']).toBe('12');
	expect(record.body).toBe('{"detail":"CSRF Failed: CSRF token missing."}');
});

test('HEAD gets the head and no body; the record has timings from got', async () => {
	const server = await startWatched((_request, response) => {
		response.writeHead(403, {'Content-Length': '548'});
		response.end();
	});
	servers.push(server);
	const now = 1_790_000_000_000;

	const record = await createProber({...options, now: () => now}).send(probe(server.origin, {method: 'HEAD'}));

	expect(record.status).toBe(403);
	expect(record.body).toBe('');
	expect(record.startedAt).toBe(now);
	expect(record.ms).toBe(0);
	expect(Object.keys(record.timings ?? {})).toEqual(expect.arrayContaining(['dns', 'tcp', 'tls', 'request', 'firstByte', 'download', 'total']));
	expect(record.timings?.['total']).toBeGreaterThanOrEqual(0);
	expect(record.timings?.['tls']).toBeUndefined();
});

test('a URL that is not http(s) is not sent and fails plainly', async () => {
	const prober = createProber(options);

	const record = await prober.send(probe('ftp://127.0.0.1/file'));

	expect(record.failure?.code).toBe('other');
	expect(record.failure?.message).toContain('ftp://127.0.0.1/file');
	expect(prober.sent()).toBe(0);
});
