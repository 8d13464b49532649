import {expect, test} from 'vitest';
import type {TranscriptEntry} from '../../../src/report/types.js';
import {emptyLog, finishedEntries, noteLog, syncLog} from '../../../src/ui/state/conversation-log.js';

const q1: TranscriptEntry = {kind: 'question', text: 'Who are you?', step: 'role'};
const a1: TranscriptEntry = {kind: 'answer', text: 'A visitor', step: 'role'};
const q2: TranscriptEntry = {kind: 'question', text: 'Which URL?', step: 'url'};
const a2: TranscriptEntry = {kind: 'answer', text: 'https://a.example/', step: 'url'};
const texts = (log: {entries: ReadonlyArray<{text: string}>}) => log.entries.map(entry => entry.text);

test('the question being asked is not finished yet; everything else is', () => {
	expect(finishedEntries({phase: 'question', transcript: [q1, a1, q2]})).toEqual([q1, a1]);
	expect(finishedEntries({phase: 'checking', transcript: [q1, a1]})).toEqual([q1, a1]);
	expect(finishedEntries({phase: 'done', transcript: [q1, a1, q2]})).toEqual([q1, a1, q2]);
});

test('the log grows with the transcript and prints each entry once', () => {
	const first = syncLog(emptyLog, [q1, a1]);
	const second = syncLog(first, [q1, a1, q2, a2]);
	expect(texts(second)).toEqual(['Who are you?', 'A visitor', 'Which URL?', 'https://a.example/']);
	expect(syncLog(second, [q1, a1, q2, a2])).toBe(second);
	expect(second.entries.map(entry => entry.id)).toEqual([0, 1, 2, 3]);
});

test('after going back the printed lines stay, and a new answer is printed after them', () => {
	const answered = syncLog(emptyLog, [q1, a1, q2, a2]);
	const back = syncLog(noteLog(answered, '↩ back'), [q1, a1]);
	expect(texts(back)).toEqual(['Who are you?', 'A visitor', 'Which URL?', 'https://a.example/', '↩ back']);
	const other: TranscriptEntry = {...a2, text: 'https://b.example/'};
	expect(texts(syncLog(back, [q1, a1, q2, other])).slice(-2)).toEqual(['Which URL?', 'https://b.example/']);
});

test('a reset (restart, check again) prints the new run from its start, even where it reads the same', () => {
	const answered = syncLog(emptyLog, [q1, a1]);
	const restarted = syncLog(noteLog(answered, '↺ again', {reset: true}), [q1, a1]);
	expect(texts(restarted)).toEqual(['Who are you?', 'A visitor', '↺ again', 'Who are you?', 'A visitor']);
});
