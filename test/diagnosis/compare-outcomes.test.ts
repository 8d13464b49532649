import {expect, test} from 'vitest';
import {compareOutcomes, type RunResult} from '../../src/diagnosis/compare-outcomes.js';
import type {Finding} from '../../src/evidence/types.js';
import type {Outcome} from '../../src/machine/context.js';

// Findings as the checks write them (src/checks/variations/vary-user-agent.ts, vary-referer.ts, probe-request.ts)
// and as an answer leaves one (src/machine/apply-answer.ts).
const browserPasses: Finding = {
	code: 'variation.browser-ua.passes',
	text: "With a browser User-Agent the same request answered 200 OK, while a tool's User-Agent got 403: the block depends on the user agent.",
	supports: {'bot-block': 0.85},
	mark: 'fail',
};
const noRefererPasses: Finding = {code: 'variation.no-referer.passes', text: 'Without a Referer the same request answered 200 OK: the Referer decides.', supports: {'hotlink-protection': 0.8}, mark: 'fail'};
const privateWindow: Finding = {code: 'answer.private-window.no', text: 'The URL fails in a private window too.', supports: {'client-state': -0.6}, mark: 'info'};
const original403: Finding = {code: 'original.status-403', text: 'Your request answered 403 Forbidden.', mark: 'fail'};
const original200: Finding = {code: 'original.passes', text: 'Your request answered 200 OK: it does not fail from here.', mark: 'ok'};

function run(status: number | undefined, outcome: Partial<Outcome> & Pick<Outcome, 'status'>, findings: readonly Finding[], failure?: string): RunResult {
	return {
		outcome: {node: 'verdict', summary: '', role: 'visitor', causes: [], ...outcome},
		facts: {
			...(status === undefined ? {} : {primary: {source: 'probe', url: 'https://shop.example.com/', method: 'GET', status, headers: {}, body: ''}}),
			...(failure ? {failure: {code: 'ECONNREFUSED', message: failure}} : {}),
		} as RunResult['facts'],
		findings,
	};
}

const before = run(403, {status: 'diagnosed', causes: [{id: 'bot-block', confidence: 0.85, findings: [browserPasses, privateWindow]}]}, [original403, browserPasses, privateWindow]);

test('the 403 is gone when the flow says not reproduced: what it stood on is no longer seen', () => {
	const after = run(200, {status: 'not-reproduced'}, [original200, privateWindow]);
	expect(compareOutcomes(before, after)).toEqual({
		verdict: 'gone',
		headline: 'The 403 is gone: the request works now (it answered 200).',
		statusBefore: 403,
		statusAfter: 200,
		stillStands: [],
		cleared: [browserPasses.text],
		remainingCauses: [],
		resolvedCauses: ['bot-block'],
		newCauses: [],
	});
});

test('a response that is no error counts as gone even when an answer kept the verdict alive', () => {
	const after = run(204, {status: 'diagnosed', causes: [{id: 'client-state', confidence: 0.5, findings: []}]}, [original200]);
	expect(compareOutcomes(before, after).verdict).toBe('gone');
});

test('the same cause again: it still fails, and the evidence seen again is named in its new wording', () => {
	const reworded = {...browserPasses, text: "With a browser User-Agent the same request answered 204 No Content, while a tool's User-Agent got 403."};
	const after = run(403, {status: 'diagnosed', causes: [{id: 'bot-block', confidence: 0.85, findings: [reworded, privateWindow]}]}, [original403, reworded, privateWindow]);
	const comparison = compareOutcomes(before, after);
	expect(comparison.verdict).toBe('still-failing');
	expect(comparison.headline).toBe('It still fails (it answered 403), for the same reason: Blocked for looking automated (user agent, TLS fingerprint or bot score).');
	// The answer reused from the first run is no evidence about the fix.
	expect(comparison.stillStands).toEqual([reworded.text]);
	expect(comparison.cleared).toEqual([]);
	expect(comparison.remainingCauses).toEqual(['bot-block']);
});

test('another cause now: the earlier evidence is cleared and the new cause is named', () => {
	const after = run(403, {status: 'diagnosed', causes: [{id: 'hotlink-protection', confidence: 0.8, findings: [noRefererPasses]}]}, [original403, noRefererPasses]);
	const comparison = compareOutcomes(before, after);
	expect(comparison.verdict).toBe('changed');
	expect(comparison.headline).toMatch(/^It still fails \(it answered 403\), but for another reason now: /);
	expect(comparison.cleared).toEqual([browserPasses.text]);
	expect(comparison.newCauses).toEqual(['hotlink-protection']);
	expect(comparison.resolvedCauses).toEqual(['bot-block']);
});

test('still failing with nothing the checks can name any more', () => {
	const after = run(403, {status: 'inconclusive', reason: 'No check found evidence strong enough to name a cause.'}, [original403]);
	const comparison = compareOutcomes(before, after);
	expect(comparison.verdict).toBe('changed');
	expect(comparison.headline).toBe('It still fails (it answered 403), but the earlier evidence no longer explains it.');
});

test('no answer the second time: nothing can be said about the fix', () => {
	const after = run(undefined, {status: 'unreachable', reason: 'The request got no HTTP answer: connection refused.'}, [], 'connection refused');
	const comparison = compareOutcomes(before, after);
	expect(comparison.verdict).toBe('unknown');
	expect(comparison.headline).toBe('The request got no answer this time, so the fix cannot be judged: The request got no HTTP answer: connection refused.');
	expect(comparison.statusAfter).toBeUndefined();
});

test('an inconclusive run before and after is still failing', () => {
	const vague = run(403, {status: 'inconclusive'}, [original403]);
	expect(compareOutcomes(vague, vague).verdict).toBe('still-failing');
	expect(compareOutcomes(vague, vague).headline).toBe('It still fails (it answered 403), and still for no cause the checks can name.');
});
