import {readFileSync} from 'node:fs';
import {afterEach, expect, test} from 'vitest';
import {startWatched, type Watched} from '../helpers/hostile-servers.js';
import {expectReport} from './expect-cli.js';
import {runMeasured} from './run-measured.js';

/*
Politeness and credentials, counted on the server side: the budget and the concurrency cap hold, a long
Retry-After stops every further probe, fix403's own probes say who they are, and a token or cookie never
follows a redirect to another origin.
*/

const {version} = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};

const servers: Watched[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async server => server.close()));
});

async function keep(server: Promise<Watched>): Promise<Watched> {
	const started = await server;
	servers.push(started);
	return started;
}

/** nginx's default 403 page (nginx/nginx src/http/ngx_http_special_response.c). */
const nginx403 = '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A 403 that takes 200 ms to come: variations sent side by side overlap on the server, where they are counted. */
async function slowForbidden(): Promise<Watched> {
	return keep(startWatched((_request, response) => {
		const timer = setTimeout(() => {
			response.writeHead(403, {'content-type': 'text/html', server: 'nginx'});
			response.end(nginx403);
		}, 200);
		response.on('close', () => {
			clearTimeout(timer);
		});
	}));
}

test('many variations: never more than --max-requests, never more than 4 at once', async () => {
	const server = await slowForbidden();
	const args = [`${server.origin}/admin/?page=1`, '--json', '--token', 'tok-123456789', '--cookie', 'sid=abcdef123456; theme=dark', '--referer', 'https://other.example/', '-X', 'POST', '-d', 'a=1'];

	const unlimited = expectReport(await runMeasured(args));
	const sentFreely = server.count();
	// Enough variations that a cap below their number is felt.
	expect(sentFreely).toBeGreaterThan(5);
	expect(unlimited.probes.length).toBe(sentFreely);
	// They did run side by side, up to the cap and not beyond.
	expect(server.maxInFlight()).toBe(4);

	const before = server.count();
	const capped = expectReport(await runMeasured([...args, '--max-requests', '3']));

	expect(server.count() - before).toBe(3);
	expect(capped.probes.filter(probe => probe.status > 0)).toHaveLength(3);
	expect(server.maxInFlight()).toBeLessThanOrEqual(4);
});

test('a 429 with a long Retry-After stops every further probe', async () => {
	const server = await keep(startWatched((_request, response) => {
		response.writeHead(429, {'content-type': 'application/json', 'retry-after': '3600'});
		response.end('{"message":"Too many requests, slow down"}');
	}));

	const report = expectReport(await runMeasured([`${server.origin}/api/items`, '--json', '--token', 'tok-123456789']));

	expect(server.count()).toBe(1);
	expect(report.probes).toHaveLength(1);
	expect(report.status).toBe('diagnosed');
	expect(report.causes[0]?.id).toBe('rate-limited');
});

test('fix403 announces itself as fix403/<version>, except in the browser-like variation', async () => {
	const server = await keep(startWatched((_request, response) => {
		response.writeHead(403, {'content-type': 'text/html', server: 'nginx'});
		response.end(nginx403);
	}));

	const report = expectReport(await runMeasured([`${server.origin}/page`, '--json']));

	const agents = server.seen.map(request => request.headers['user-agent'] ?? '');
	const browserLike = report.probes.filter(probe => probe.id === 'browser-ua');
	expect(agents.length).toBeGreaterThan(1);
	expect(browserLike).toHaveLength(1);
	expect(agents.filter(agent => /Chrome\/\d+/.test(agent))).toHaveLength(browserLike.length);
	for (const agent of agents.filter(agent => !/Chrome\/\d+/.test(agent))) {
		expect(agent.startsWith(`fix403/${version} `)).toBe(true);
	}
});

test('a token, cookie or secret header never reaches another origin through a redirect', async () => {
	const token = 'tok-ZmlyM0E2ZWN1cmU5';
	const cookieValue = 'sess-c00k1e-v4lue-77';
	const elsewhere = await keep(startWatched((_request, response) => {
		response.writeHead(403, {'content-type': 'text/plain'});
		response.end('not for you');
	}));
	const first = await keep(startWatched((_request, response) => {
		response.writeHead(302, {location: `${elsewhere.origin}/landing`});
		response.end();
	}));

	expectReport(await runMeasured([`${first.origin}/start`, '--json', '--token', token, '--cookie', `sid=${cookieValue}`]));

	// The first origin did get the credentials: the check below is about the hop, not a request without them.
	expect(first.seen.some(request => request.headers.authorization === `Bearer ${token}`)).toBe(true);
	expect(first.seen.some(request => request.headers.cookie?.includes(cookieValue))).toBe(true);
	expect(elsewhere.count()).toBeGreaterThan(0);
	for (const request of elsewhere.seen) {
		const everything = JSON.stringify(request);
		expect(everything).not.toContain(token);
		expect(everything).not.toContain(cookieValue);
		expect(request.headers.authorization).toBeUndefined();
		expect(request.headers.cookie).toBeUndefined();
	}

	expect(first.count() + elsewhere.count()).toBeLessThanOrEqual(2 * 12);
});
