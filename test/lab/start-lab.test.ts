import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {browserUserAgent} from '../../src/net/browser-user-agent.js';
import {causeIds, type CauseId} from '../../src/diagnosis/cause-ids.js';
import {mintToken} from '../../src/lab/lab-token.js';
import {presignV4} from '../../src/lab/presign-v4.js';
import {startLab, type Lab} from '../../src/lab/start-lab.js';
import type {LabPath, LabPresets} from '../../src/lab/types.js';
import {send, sendPreset} from './send.js';

let lab: Lab;
beforeAll(async () => {
	lab = await startLab();
});
afterAll(async () => {
	await lab.close();
});

const now = () => Math.floor(Date.now() / 1000);

/**
The one change that turns each path's refusal into a success — what the diagnosis is meant to find. Causes with
no such change on the client's side (a challenge, a WAF rule, a country or address block, a rate limit, a
private object) have none: the refusal stands whatever the client sends.
*/
const remedies: Partial<Record<CauseId, (presets: LabPresets, path: LabPath) => LabPresets & {url?: string}>> = {
	'bot-block': presets => ({...presets, userAgent: browserUserAgent}),
	'hotlink-protection': (presets, path) => ({...presets, referer: `${new URL(path.url).origin}/`}),
	'method-blocked': presets => ({...presets, method: 'GET', body: undefined, headers: []}),
	'client-state': presets => ({...presets, cookie: undefined}),
	'wrong-url': (presets, path) => ({...presets, url: path.url.toLowerCase()}),
	'directory-index-missing': (presets, path) => ({...presets, url: `${path.url}price-list-2026.pdf`}),
	'token-expired': presets => ({...presets, token: mintToken({sub: 'user_8f2c1a', exp: now() + 600})}),
	'insufficient-scope': presets => ({...presets, token: mintToken({sub: 'user_8f2c1a', scope: 'users:read users:admin', exp: now() + 600})}),
	'signed-url-expired': (presets, path) => ({...presets, url: `${new URL(path.url).origin}${presignV4(new URL(path.url), Date.now() - 60_000, 3600)}`}),
	'csrf-failed': presets => ({...presets, body: `${presets.body}&csrfmiddlewaretoken=${/csrftoken=([^;]+)/.exec(presets.cookie ?? '')![1]}`}),
};

const unfixable: readonly CauseId[] = ['waf-challenge', 'waf-rule-block', 'rate-limited', 'geo-block', 'ip-allowlist', 'object-storage-denied'];

describe('the lab', () => {
	it('listens on 127.0.0.1 and offers at least a dozen paths, each a different cause', () => {
		expect(lab.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(lab.paths.length).toBeGreaterThanOrEqual(12);
		const causes = lab.paths.map(path => path.cause);
		expect(new Set(causes).size).toBe(causes.length);
		expect(causes).toEqual([...causes].sort((a, b) => causeIds.indexOf(a) - causeIds.indexOf(b)));
		for (const path of lab.paths) {
			expect(path.url).toBe(`${lab.origin}${path.path}`);
			expect(path.title.length).toBeGreaterThan(0);
			expect(path.hint.length).toBeGreaterThan(20);
		}
	});

	it('answers every path\'s preset request with the status it promises (403 for all of them)', async () => {
		for (const path of lab.paths) {
			const answer = await sendPreset(path);
			expect({path: path.path, status: answer.status}).toEqual({path: path.path, status: path.status});
			expect(path.status).toBe(403);
		}
	});

	it('serves the resource once the one thing at fault changes', async () => {
		for (const path of lab.paths) {
			const remedy = remedies[path.cause];
			expect(remedy !== undefined || unfixable.includes(path.cause), path.cause).toBe(true);
			if (remedy) {
				const answer = await sendPreset(path, presets => remedy(presets, path));
				expect({path: path.path, status: answer.status}).toEqual({path: path.path, status: path.cause === 'csrf-failed' ? 302 : 200});
			}
		}
	});

	it('answers the way the servers it imitates do around each refusal', async () => {
		const byCause = (cause: CauseId) => lab.paths.find(path => path.cause === cause)!;
		const scope = await sendPreset(byCause('insufficient-scope'));
		expect(scope.headers['www-authenticate']).toMatch(/^Bearer realm="lab-api", error="insufficient_scope", .*scope="users:admin"$/);
		const noToken = await sendPreset(byCause('insufficient-scope'), presets => ({...presets, token: undefined}));
		expect([noToken.status, noToken.headers['www-authenticate']]).toEqual([401, 'Bearer realm="lab-api"']);
		const expired = await sendPreset(byCause('signed-url-expired'));
		expect(expired.body).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message><X-Amz-Expires>3600<\/X-Amz-Expires><Expires>[\dT:-]+Z<\/Expires><ServerTime>/);
		const tampered = await sendPreset(byCause('signed-url-expired'), (presets) => {
			const url = new URL(byCause('signed-url-expired').url);
			const fresh = new URL(presignV4(url, Date.now() - 60_000, 3600), url);
			fresh.searchParams.set('X-Amz-Expires', '7200');
			return {...presets, url: fresh.href};
		});
		expect(tampered.body).toContain('<Code>SignatureDoesNotMatch</Code>');
		const challenge = await sendPreset(byCause('waf-challenge'));
		expect(challenge.headers['cf-mitigated']).toBe('challenge');
		expect(challenge.headers['cf-ray']).toMatch(/^[\da-f]{16}-[A-Z]{3}$/);
		const folder = await send(`${lab.origin}/files/index.html`);
		expect(folder.status).toBe(404);
		const slashless = await send(`${lab.origin}/files`);
		expect([slashless.status, slashless.headers.location]).toEqual([301, `${lab.origin}/files/`]);
	});

	it('counts requests, in total and per path', async () => {
		const path = lab.paths.find(candidate => candidate.cause === 'directory-index-missing')!;
		const before = lab.requests;
		const beforePath = lab.requestsTo(path);
		await sendPreset(path);
		await send(`${lab.origin}/files/index.html`);
		await send(`${lab.origin}/nowhere`);
		expect(lab.requests - before).toBe(3);
		expect(lab.requestsTo(path) - beforePath).toBe(2);
	});

	it('refuses a Host header that is not its own, so a rebinding page cannot use it', async () => {
		const answer = await send(`${lab.origin}/files/`, {headers: [['Host', 'attacker.example']]});
		expect(answer.status).toBe(421);
		const local = await send(`${lab.origin}/files/`, {headers: [['Host', `localhost:${lab.port}`]]});
		expect(local.status).toBe(403);
	});

	it('answers HEAD with the headers and no body, and refuses oversized bodies', async () => {
		const head = await send(`${lab.origin}/files/`, {method: 'HEAD'});
		expect(head.status).toBe(403);
		expect(head.body).toBe('');
		expect(Number(head.headers['content-length'])).toBeGreaterThan(100);
		const big = await send(`${lab.origin}/contact/`, {method: 'POST', body: 'x'.repeat(70 * 1024)});
		expect(big.status).toBe(413);
	});

	it('lists its paths as links on its front page', async () => {
		const home = await send(`${lab.origin}/`);
		expect(home.status).toBe(200);
		for (const path of lab.paths) {
			expect(home.body).toContain(path.cause);
		}
	});

	it('stops listening when closed', async () => {
		const other = await startLab();
		await other.close();
		await expect(send(`${other.origin}/`)).rejects.toThrow(/ECONNREFUSED/);
	});
});
