import {expect, test} from 'vitest';
import {renderText} from '../../src/report/render-text.js';
import type {Report} from '../../src/report/types.js';

const base: Report = {
	schema: 'fix403/report@1',
	target: {url: 'http://127.0.0.1:8080/x', method: 'GET'},
	status: 'inconclusive',
	reason: 'No check found evidence strong enough to name a cause.',
	role: 'owner',
	causes: [],
	probes: [],
	transcript: [
		{kind: 'question', text: 'Who are you?'},
		{kind: 'check', text: 'GET /x as you sent it — answered 403 Forbidden', mark: 'fail'},
		{kind: 'check', text: 'Reading the nginx config — leads to 404, not 403\u001B]0;pwned\u0007', mark: 'warn'},
	],
	generatedAt: '2026-11-25T12:00:00.000Z',
	tool: {name: 'fix403', version: '0.0.0'},
};

test('an inconclusive report lists what was checked, each with its mark, neutralised', () => {
	const text = renderText(base);
	expect(text).toContain('Inconclusive: No check found evidence strong enough to name a cause.');
	expect(text).toContain('What was checked\n  ✗ GET /x as you sent it — answered 403 Forbidden\n  ! Reading the nginx config — leads to 404, not 403');
	expect(text).not.toContain('\u001B');
	expect(text).not.toContain('Who are you?');
});

test('a diagnosed report shows the probes its top cause names, not every failing one', () => {
	const probe = (id: string, status: number) => ({id, label: id, method: 'GET', url: 'http://127.0.0.1:8080/x', curl: `curl ${id}`, status, headers: {}, requestHeaders: [], ms: 1, startedAt: '2026-11-25T12:00:00.000Z'});
	const text = renderText({
		...base,
		status: 'diagnosed',
		reason: undefined,
		causes: [{id: 'bot-block', title: 'Blocked for looking automated', layer: 'cdn-waf', confidence: 0.85, evidence: ['A browser User-Agent passes.'], fix: ['Use a browser.'], probes: ['original', 'browser-ua']}],
		probes: [probe('original', 403), probe('browser-ua', 200), probe('method-head', 403)],
	});
	expect(text).toContain('curl original');
	expect(text).toContain('curl browser-ua');
	expect(text).not.toContain('curl method-head');
	expect(text).not.toContain('What was checked');
});
