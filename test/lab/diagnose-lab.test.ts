import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {labArguments} from '../../src/lab/lab-input.js';
import {labRoutes} from '../../src/lab/lab-routes.js';
import {startLab, type Lab} from '../../src/lab/start-lab.js';
import {runJson} from '../helpers/run-cli.js';

/*
Every lab path, diagnosed by the built CLI headlessly with the path's own request (its presets as options):
the cause the page reproduces must come first. The lab runs in this process; the CLI is a child process.
*/

let lab: Lab;
beforeAll(async () => {
	lab = await startLab();
});
afterAll(async () => {
	await lab.close();
});

// The routes do not depend on the port, so the tests can be named before the lab starts.
const names = labRoutes({origin: 'http://127.0.0.1:1', startedAt: Date.now()}).flatMap(route => (route.path ? [{cause: route.path.cause, name: route.path.path.split('?')[0]!}] : []));

describe.concurrent('the headless engine on each lab path', () => {
	for (const {cause, name} of names) {
		it(`${cause} on ${name}`, async () => {
			const path = lab.paths.find(candidate => candidate.cause === cause)!;
			const before = lab.requestsTo(path);
			const report = await runJson(labArguments(path));
			expect(report.status).toBe('diagnosed');
			expect(report.target.url.split('?')[0]).toBe(path.url.split('?')[0]);
			expect(report.probes[0]?.status).toBe(path.status);
			expect(lab.requestsTo(path) - before).toBeGreaterThanOrEqual(1);
			expect(report.causes[0]?.id, report.causes.map(found => `${found.id} ${found.confidence}`).join(', ')).toBe(cause);
		});
	}
});
