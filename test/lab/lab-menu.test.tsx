import {afterAll, afterEach, beforeAll, expect, test} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {LabMenu, type LabChoice} from '../../src/lab/lab-menu.js';
import {startLab, type Lab} from '../../src/lab/start-lab.js';
import {waitFor, waitForText} from '../helpers/wait-for.js';

let lab: Lab;
beforeAll(async () => {
	lab = await startLab();
});
afterAll(async () => {
	await lab.close();
});
afterEach(() => {
	cleanup();
});

const settle = async () => new Promise(resolve => {
	setTimeout(resolve, 20);
});

function mount() {
	const picked: LabChoice[] = [];
	const view = render(<LabMenu origin={lab.origin} paths={lab.paths} color={false} onDone={path => picked.push(path)} />);
	return {view, picked};
}

test('the menu lists every path with its cause, and the highlighted one with its story', async () => {
	const {view} = mount();
	const frame = await waitForText(() => view.lastFrame() ?? '', `${lab.paths.length} broken paths on ${lab.origin}`);
	for (const path of lab.paths) {
		expect(frame).toContain(`${path.title}  · ${path.cause}`);
	}

	expect(frame).toContain(lab.paths[0]!.hint.slice(0, 60));
	expect(frame).not.toContain(lab.paths[1]!.hint.slice(0, 60));
});

test('↓ and Enter choose the second path, once', async () => {
	const {view, picked} = mount();
	await waitForText(() => view.lastFrame() ?? '', 'broken paths');
	await settle();
	view.stdin.write('\u001B[B');
	await waitForText(() => view.lastFrame() ?? '', lab.paths[1]!.hint.slice(0, 60));
	await settle();
	view.stdin.write('\r');
	await waitFor(() => picked.length > 0);
	view.stdin.write('\r');
	await settle();
	expect(picked).toEqual([lab.paths[1]]);
	await waitForText(() => view.lastFrame() ?? '', `Lab: ${lab.paths[1]!.title}`);
});

test.each([
	['q', 'quit'],
	['\u001B', 'quit'],
	['\u0003', 'interrupted'],
])('key %j leaves without choosing (%s)', async (key, reason) => {
	const {view, picked} = mount();
	await waitForText(() => view.lastFrame() ?? '', 'broken paths');
	await settle();
	view.stdin.write(key);
	await waitFor(() => picked.length > 0);
	expect(picked).toEqual([reason]);
	await waitForText(() => view.lastFrame() ?? '', 'Lab closed.');
});
