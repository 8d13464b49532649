import {afterEach, expect, test} from 'vitest';
import {loadFlowText} from '../../src/flow/load-flow.js';
import {vocabulary} from '../../src/engine/vocabulary.js';
import {defaultInput} from '../../src/engine/session-input.js';
import {startSession} from '../../src/engine/start-session.js';
import {startLoopback, type Loopback} from '../helpers/loopback.js';

const flowText = `
id: mini
title: Mini flow
start: who
nodes:
  who:
    ask: {id: role, kind: choice, prefill: role, text: Who?, default: visitor, choices: [{value: visitor, label: Visitor}, {value: owner, label: Owner}]}
    next: probe
  probe:
    title: Sending
    run: [{check: probe-request}]
    next:
      - when: {type: has-response}
        to: vary
      - to: unreachable
  vary:
    title: Varying
    run: [{check: vary-user-agent}, {check: vary-method}]
    next: verdict
  verdict:
    conclude: {status: diagnosed, summary: 'Explained for {host}.'}
  unreachable:
    conclude: {status: unreachable, summary: 'No answer: {failure}'}
`;

let server: Loopback | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

test('a headless session runs probes and variations and ranks the cause they isolate', async () => {
	server = await startLoopback((request, response) => {
		const browser = /Chrome\//.test(request.headers['user-agent'] ?? '');
		response.writeHead(browser ? 200 : 403, {'content-type': 'text/plain'});
		response.end(browser ? 'welcome' : 'no bots');
	});
	const flow = loadFlowText(flowText, 'mini.yaml', vocabulary);
	const session = startSession(flow, {...defaultInput, url: `${server.origin}/page`}, 'headless');
	const context = await session.done;
	expect(context.outcome?.status).toBe('diagnosed');
	expect(context.outcome?.causes[0]?.id).toBe('bot-block');
	expect(context.outcome?.summary).toBe(`Explained for 127.0.0.1:${server.port}.`);
	expect(server.seen.map(seen => seen.method)).toEqual(['GET', 'GET', 'HEAD']);
	expect(context.transcript.map(entry => entry.kind)).toContain('check');
});

test('an unreachable target ends in the unreachable conclusion with the reason', async () => {
	server = await startLoopback((_request, response) => {
		response.end();
	});
	const {origin} = server;
	await server.close();
	server = undefined;
	const flow = loadFlowText(flowText, 'mini.yaml', vocabulary);
	const context = await startSession(flow, {...defaultInput, url: `${origin}/x`}, 'headless').done;
	expect(context.outcome?.status).toBe('unreachable');
	expect(context.outcome?.reason).toMatch(/refused/i);
});
