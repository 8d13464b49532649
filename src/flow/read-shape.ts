import {isCauseId, type CauseId} from '../diagnosis/cause-ids.js';
import type {ReportStatus} from '../report/types.js';
import type {PathSegment} from './parse-document.js';
import type {Branch, CheckRef, Choice, Flow, FlowNode, GuardRef, Question, QuestionKind} from './types.js';

export type ShapeIssue = {readonly at: readonly PathSegment[]; readonly reason: string};

const namePattern = /^[A-Za-z][\w-]{0,63}$/;
const questionKinds: readonly QuestionKind[] = ['choice', 'text', 'paste', 'confirm'];
const statuses = ['diagnosed', 'not-reproduced', 'inconclusive', 'unreachable'] as const;

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
Turns parsed data into a typed Flow, collecting every shape problem instead of stopping at the first one.
Names (checks, guards) and the graph are judged later, by `checkFlow`.
*/
export function readFlowShape(data: unknown, source: string): {flow?: Flow; issues: ShapeIssue[]} {
	const issues: ShapeIssue[] = [];
	const issue = (at: readonly PathSegment[], reason: string) => {
		issues.push({at, reason});
	};

	if (!isRecord(data)) {
		issue([], 'a flow must be a mapping with id, title, start and nodes');
		return {issues};
	}

	allowOnly(data, ['id', 'title', 'version', 'start', 'nodes', 'description'], [], issue);
	const id = requireName(data, 'id', [], issue);
	const title = requireString(data, 'title', [], issue);
	const start = requireName(data, 'start', [], issue);
	const version = data['version'] ?? 1;
	if (typeof version !== 'number') {
		issue(['version'], 'must be a number');
	}

	const nodes: Record<string, FlowNode> = {};
	if (isRecord(data['nodes'])) {
		for (const [name, raw] of Object.entries(data['nodes'])) {
			const at = ['nodes', name];
			if (!namePattern.test(name)) {
				issue(at, `node name "${name}" must start with a letter and hold only letters, digits, - and _`);
				continue;
			}

			const node = readNode(raw, at, issue);
			if (node) {
				nodes[name] = node;
			}
		}

		if (Object.keys(data['nodes']).length === 0) {
			issue(['nodes'], 'a flow needs at least one node');
		}
	} else {
		issue(['nodes'], 'missing or not a mapping of node name → node');
	}

	if (issues.length > 0 || id === undefined || title === undefined || start === undefined) {
		return {issues};
	}

	return {flow: {id, title, start, version: version as number, nodes, source}, issues};
}

type Report = (at: readonly PathSegment[], reason: string) => void;

function readNode(raw: unknown, at: PathSegment[], issue: Report): FlowNode | undefined {
	if (!isRecord(raw)) {
		issue(at, 'a node must be a mapping');
		return undefined;
	}

	const kinds = (['ask', 'run', 'conclude'] as const).filter(kind => kind in raw);
	if (kinds.length > 1) {
		issue(at, `a node has one of ask, run or conclude, not ${kinds.join(' and ')}`);
		return undefined;
	}

	if (kinds.length === 0) {
		if (!('next' in raw)) {
			issue(at, 'a node needs one of ask, run or conclude (or only next, to decide without asking)');
			return undefined;
		}

		allowOnly(raw, ['next', 'description'], at, issue);
		const next = readNext(raw['next'], [...at, 'next'], issue);
		return next ? {kind: 'route', next, description: optionalString(raw, 'description', at, issue)} : undefined;
	}

	const description = optionalString(raw, 'description', at, issue);
	switch (kinds[0]) {
		case 'ask': {
			allowOnly(raw, ['ask', 'next', 'description'], at, issue);
			const ask = readQuestion(raw['ask'], [...at, 'ask'], issue);
			const next = readNext(raw['next'], [...at, 'next'], issue);
			return ask && next ? {kind: 'ask', ask, next, description} : undefined;
		}

		case 'run': {
			allowOnly(raw, ['run', 'title', 'next', 'onError', 'description'], at, issue);
			const title = requireString(raw, 'title', at, issue);
			const run = readChecks(raw['run'], [...at, 'run'], issue);
			const next = readNext(raw['next'], [...at, 'next'], issue);
			const onError = raw['onError'] === undefined ? undefined : requireName(raw, 'onError', at, issue);
			return title !== undefined && run && next ? {kind: 'run', title, run, next, onError, description} : undefined;
		}

		default: {
			allowOnly(raw, ['conclude', 'description'], at, issue);
			return readConclusion(raw['conclude'], [...at, 'conclude'], issue, description);
		}
	}
}

function readQuestion(raw: unknown, at: PathSegment[], issue: Report): Question | undefined {
	if (!isRecord(raw)) {
		issue(at, 'ask must be a mapping with id, kind and text');
		return undefined;
	}

	allowOnly(raw, ['id', 'kind', 'text', 'agentText', 'help', 'choices', 'default', 'prefill', 'validate'], at, issue);
	const id = requireName(raw, 'id', at, issue);
	const text = requireString(raw, 'text', at, issue);
	const kind = raw['kind'];
	if (typeof kind !== 'string' || !(questionKinds as readonly string[]).includes(kind)) {
		issue([...at, 'kind'], `kind must be one of ${questionKinds.join(', ')}`);
		return undefined;
	}

	let choices: Choice[] | undefined;
	if (kind === 'choice') {
		choices = readChoices(raw['choices'], [...at, 'choices'], issue);
	} else if (raw['choices'] !== undefined) {
		issue([...at, 'choices'], `only choice questions have choices (this one is ${kind})`);
	}

	const question: Question = {
		id: id ?? '',
		kind: kind as QuestionKind,
		text: text ?? '',
		agentText: optionalString(raw, 'agentText', at, issue),
		help: optionalString(raw, 'help', at, issue),
		choices,
		default: optionalString(raw, 'default', at, issue),
		prefill: optionalString(raw, 'prefill', at, issue),
		validate: optionalString(raw, 'validate', at, issue),
	};
	if (choices && question.default !== undefined && !choices.some(choice => choice.value === question.default)) {
		issue([...at, 'default'], `default "${question.default}" is not one of the choices`);
	}

	if (kind === 'confirm' && question.default !== undefined && !['yes', 'no'].includes(question.default)) {
		issue([...at, 'default'], 'a confirm question defaults to yes or no');
	}

	return id === undefined || text === undefined ? undefined : question;
}

function readChoices(raw: unknown, at: PathSegment[], issue: Report): Choice[] | undefined {
	if (!Array.isArray(raw) || raw.length < 2) {
		issue(at, 'a choice question needs a list of at least two choices');
		return undefined;
	}

	const seen = new Set<string>();
	const choices: Choice[] = [];
	for (const [index, item] of raw.entries()) {
		const here = [...at, index];
		if (!isRecord(item)) {
			issue(here, 'a choice is a mapping with value and label');
			continue;
		}

		allowOnly(item, ['value', 'label', 'hint', 'evidence'], here, issue);
		const value = requireString(item, 'value', here, issue);
		const label = requireString(item, 'label', here, issue);
		if (value !== undefined && seen.has(value)) {
			issue([...here, 'value'], `duplicate choice value "${value}"`);
		}

		if (value !== undefined && label !== undefined) {
			seen.add(value);
			choices.push({value, label, hint: optionalString(item, 'hint', here, issue), evidence: readEvidence(item['evidence'], [...here, 'evidence'], issue)});
		}
	}

	return choices;
}

function readEvidence(raw: unknown, at: PathSegment[], issue: Report): Choice['evidence'] {
	if (raw === undefined) {
		return undefined;
	}

	if (!isRecord(raw) || typeof raw['text'] !== 'string' || !isRecord(raw['supports'])) {
		issue(at, 'evidence is a mapping with text and supports (cause id → weight)');
		return undefined;
	}

	allowOnly(raw, ['text', 'supports'], at, issue);
	const supports: Partial<Record<CauseId, number>> = {};
	for (const [cause, weight] of Object.entries(raw['supports'])) {
		if (!isCauseId(cause)) {
			issue([...at, 'supports', cause], `unknown cause "${cause}"`);
		} else if (typeof weight !== 'number' || weight < -1 || weight > 1) {
			issue([...at, 'supports', cause], 'a weight is a number from -1 to 1');
		} else {
			supports[cause] = weight;
		}
	}

	return {text: raw['text'], supports};
}

function readChecks(raw: unknown, at: PathSegment[], issue: Report): CheckRef[] | undefined {
	if (!Array.isArray(raw) || raw.length === 0) {
		issue(at, 'run must be a non-empty list of checks');
		return undefined;
	}

	return raw.flatMap((item, index): CheckRef[] => {
		const here = [...at, index];
		if (!isRecord(item) || typeof item['check'] !== 'string') {
			issue(here, 'each entry of run is a mapping with a check name (and optional params)');
			return [];
		}

		allowOnly(item, ['check', 'params'], here, issue);
		return [{check: item['check'], params: item['params'] as CheckRef['params']}];
	});
}

function readNext(raw: unknown, at: PathSegment[], issue: Report): Branch[] | undefined {
	if (typeof raw === 'string') {
		return [{to: raw}];
	}

	if (!Array.isArray(raw) || raw.length === 0) {
		issue(at, 'next must be a node name or a list of branches ({when, to}; the last without when)');
		return undefined;
	}

	const branches: Branch[] = [];
	for (const [index, item] of raw.entries()) {
		const here = [...at, index];
		if (!isRecord(item) || typeof item['to'] !== 'string') {
			issue(here, 'a branch is a mapping with to (and when, except for the last)');
			continue;
		}

		allowOnly(item, ['when', 'to'], here, issue);
		const when = item['when'];
		if (when !== undefined && !isGuardShape(when)) {
			issue([...here, 'when'], 'when must be a guard: {type: <name>, params: {...}}');
			continue;
		}

		branches.push({to: item['to'], when: when as GuardRef | undefined});
	}

	return branches;
}

function readConclusion(raw: unknown, at: PathSegment[], issue: Report, description: string | undefined): FlowNode | undefined {
	if (!isRecord(raw)) {
		issue(at, 'conclude must be a mapping with status and summary');
		return undefined;
	}

	allowOnly(raw, ['status', 'causes', 'summary'], at, issue);
	const status = raw['status'];
	if (typeof status !== 'string' || !(statuses as readonly string[]).includes(status)) {
		issue([...at, 'status'], `status must be one of ${statuses.join(', ')}`);
		return undefined;
	}

	const summary = requireString(raw, 'summary', at, issue);
	const causes = raw['causes'];
	if (causes !== undefined) {
		if (!Array.isArray(causes) || causes.length === 0) {
			issue([...at, 'causes'], 'causes must be a non-empty list of cause ids');
			return undefined;
		}

		let bad = false;
		for (const [index, cause] of causes.entries()) {
			if (typeof cause !== 'string' || !isCauseId(cause)) {
				issue([...at, 'causes', index], `unknown cause "${String(cause)}" (see the cause table in the README)`);
				bad = true;
			}
		}

		if (bad) {
			return undefined;
		}

		if (status !== 'diagnosed') {
			issue([...at, 'causes'], `only a diagnosed conclusion names causes (this one is ${status})`);
		}
	}

	return summary === undefined
		? undefined
		: {kind: 'conclude', description, conclude: {status: status as ReportStatus, causes: causes as CauseId[] | undefined, summary}};
}

export function isGuardShape(value: unknown): value is GuardRef {
	return isRecord(value) && typeof value['type'] === 'string' && (value['params'] === undefined || isRecord(value['params']));
}

function allowOnly(raw: Raw, keys: readonly string[], at: PathSegment[], issue: Report) {
	for (const key of Object.keys(raw)) {
		if (!keys.includes(key)) {
			issue([...at, key], `unknown key "${key}" (allowed here: ${keys.join(', ')})`);
		}
	}
}

function requireString(raw: Raw, key: string, at: PathSegment[], issue: Report): string | undefined {
	const value = raw[key];
	if (typeof value === 'string' && value.trim() !== '') {
		return value;
	}

	issue([...at, key], value === undefined ? `missing ${key}` : `${key} must be a non-empty string`);
	return undefined;
}

function optionalString(raw: Raw, key: string, at: PathSegment[], issue: Report): string | undefined {
	const value = raw[key];
	if (value === undefined) {
		return undefined;
	}

	if (typeof value !== 'string') {
		issue([...at, key], `${key} must be a string`);
		return undefined;
	}

	return value;
}

function requireName(raw: Raw, key: string, at: PathSegment[], issue: Report): string | undefined {
	const value = requireString(raw, key, at, issue);
	if (value !== undefined && !namePattern.test(value)) {
		issue([...at, key], `"${value}" must start with a letter and hold only letters, digits, - and _`);
		return undefined;
	}

	return value;
}
