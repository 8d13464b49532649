import {afterEach, expect, test} from 'vitest';
import {builtinFlowPath} from '../../src/flow/builtin-flow.js';
import {loadFlowFile} from '../../src/flow/load-flow.js';
import {vocabulary} from '../../src/engine/vocabulary.js';
import {defaultInput} from '../../src/engine/session-input.js';
import {startSession} from '../../src/engine/start-session.js';
import {startLoopback, type Loopback} from '../helpers/loopback.js';

let server: Loopback | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

test('check again re-runs the diagnosis with the answers given so far and keeps the first run in the transcript', async () => {
	let fixed = false;
	server = await startLoopback((request, response) => {
		const refused = !fixed && !(request.headers['user-agent'] ?? '').includes('Chrome/');
		response.writeHead(refused ? 403 : 200, {'content-type': 'text/plain'});
		response.end(refused ? 'no bots' : 'ok');
	});
	const flow = await loadFlowFile(builtinFlowPath(), vocabulary);
	const session = startSession(flow, {...defaultInput, url: `${server.origin}/x`, role: 'api'}, 'interactive');
	const asked: string[] = [];
	// Answers every question a person would be asked, with its default (yes to sending requests).
	const answerAll = async () => {
		for (;;) {
			const view = session.view();
			if (view.phase === 'done') {
				return;
			}

			if (view.phase === 'question' && view.question && !asked.includes(`${view.node}:${view.transcript.length}`)) {
				asked.push(`${view.node}:${view.transcript.length}`);
				expect(session.answer(view.question.default ?? 'yes')).toBeUndefined();
			}

			await new Promise(resolve => setTimeout(resolve, 5));
		}
	};

	await answerAll();
	const first = await session.done;
	expect(first.outcome?.causes[0]?.id).toBe('bot-block');
	const firstLength = first.transcript.length;
	const askedFirst = asked.length;

	fixed = true;
	session.recheck();
	await answerAll();
	const second = await session.done;
	// Only the question the first run never reached is asked; the others are carried over.
	expect(asked.slice(askedFirst).map(turn => turn.split(':')[0])).toEqual(['passes-here']);
	expect(second.outcome?.status).toBe('not-reproduced');
	expect(second.transcript.slice(0, firstLength)).toEqual(first.transcript);
	expect(second.transcript.filter(entry => entry.kind === 'answer').map(entry => entry.text)).toContain('Yes (as before)');
	expect(server.seen.length).toBeGreaterThan(first.probes.length);
});
