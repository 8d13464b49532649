import {readdirSync, readFileSync} from 'node:fs';
import fc from 'fast-check';
import {stringify} from 'yaml';
import {describe, expect, test} from 'vitest';
import {vocabulary} from '../../src/engine/vocabulary.js';
import {FlowError} from '../../src/flow/flow-error.js';
import {loadFlowText} from '../../src/flow/load-flow.js';
import {parseFlowText} from '../../src/flow/parse-document.js';
import {anyBytes, anyText, mutated, reshuffledLines, seeded, truncated} from './arbitraries.js';

/*
A flow file is written by a support team, by hand: any YAML or JSON may arrive. loadFlowText returns a checked
flow or throws a FlowError naming file, place and reason — nothing else, and it never evaluates what it reads
(custom tags and aliases are refused). Seeds: the built-in flow and the examples in flows/.
*/

const flowsFolder = new URL('../../flows/', import.meta.url);
const examples = new URL('examples/', flowsFolder);
const seeds = [
	readFileSync(new URL('fix403.yaml', flowsFolder), 'utf8'),
	...readdirSync(examples).filter(name => /\.(?:ya?ml|json)$/.test(name)).map(name => readFileSync(new URL(name, examples), 'utf8')),
];

function load(text: string): void {
	try {
		const flow = loadFlowText(text, 'fuzz.yaml', vocabulary);
		expect(flow.nodes[flow.start]).toBeDefined();
	} catch (error) {
		expect(error, `threw ${String(error)}`).toBeInstanceOf(FlowError);
		const flowError = error as FlowError;
		expect(flowError.code).toBe('FIX403_BAD_FLOW');
		expect(flowError.problems.length).toBeGreaterThan(0);
		expect(flowError.message).toMatch(/^invalid flow fuzz\.yaml/);
	}
}

/** The vocabulary of flow files: keys, node kinds, check and guard names, YAML punctuation. */
const flowWord = fc.constantFrom('id:', 'title:', 'start:', 'nodes:', 'ask:', 'run:', 'next:', 'to:', 'when:', 'type:', 'params:', 'conclude:', 'status:', 'causes:', 'check:', 'kind:', 'choices:', 'value:', 'label:', 'default:', 'onError:', 'diagnosed', 'probe-request', 'answer-is', 'input-has', 'rate-limited', '- ', '  ', '    ', '{', '}', '[', ']', ',', '&a', '*a', '!!js/function', '!!binary', '<<:', '|', '>-', '"', '\'', '#', '---', '...', '%YAML 1.2', '\n');
const flowish = fc.array(fc.oneof(flowWord, fc.string({maxLength: 12})), {maxLength: 80}).map(words => words.join(''));

describe('loadFlowText never throws anything but a FlowError', () => {
	test('mutated, truncated and reshuffled real flows', () => {
		fc.assert(fc.property(fc.oneof(mutated(seeds), truncated(seeds), reshuffledLines(seeds)), load), seeded(1500));
	});

	test('random JSON values, as JSON and as YAML', () => {
		fc.assert(fc.property(fc.jsonValue({maxDepth: 4}), fc.boolean(), (value, asYaml) => {
			load(asYaml ? stringify(value) : JSON.stringify(value) ?? '');
		}), seeded(2000));
	});

	test('flow-shaped words in any order', () => {
		fc.assert(fc.property(flowish, load), seeded(3000));
	});

	test('any text and any bytes', () => {
		// Fewer runs: long runs of one character make YAML parsing slow, and each run parses them whole.
		fc.assert(fc.property(fc.oneof(anyText, anyBytes.map(bytes => Buffer.from(bytes).toString('utf8'))), load), seeded(1000));
	});

	test('the real flows themselves load (so the mutations start from valid files)', () => {
		for (const seed of seeds) {
			expect(() => loadFlowText(seed, 'seed.yaml', vocabulary)).not.toThrow();
		}
	});
});

test('parseFlowText refuses aliases and tags that would build objects, whatever surrounds them', () => {
	const dangerous = fc.constantFrom('!!js/function "function () { return 1 }"', '!!js/regexp /x/', '!!js/undefined ""', '*anchor', '&a [*a, *a, *a]', '!<tag:yaml.org,2002:js/function> x');
	fc.assert(fc.property(fc.string({unit: 'grapheme-ascii', maxLength: 20}), dangerous, (key, value) => {
		const parsed = parseFlowText(`id: x\n${JSON.stringify(key)}: ${value}\n`);

		if ('data' in parsed) {
			// Accepted only as plain data: no function, no RegExp, no shared reference.
			const json = JSON.stringify(parsed.data, (_key, item: unknown) => {
				expect(typeof item).not.toBe('function');
				expect(item).not.toBeInstanceOf(RegExp);
				return item;
			});
			expect(typeof json).toBe('string');
		}
	}), seeded(1000));
});

test('a flow file with an alias is refused with a FlowError naming the line', () => {
	expect(() => loadFlowText('id: x\ntitle: &t hello\nstart: *t\nnodes: {}\n', 'alias.yaml', vocabulary)).toThrow(/alias\.yaml:3: aliases/);
});
