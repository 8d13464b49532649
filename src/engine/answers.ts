import type {Question} from '../flow/types.js';
import type {FlowContext} from '../machine/context.js';
import type {AnswerEvent, AnswerSource} from '../machine/events.js';
import type {SessionInput} from './session-input.js';
import {validators} from './validators.js';

/** Session inputs a question may be prefilled from (`prefill:` in a flow file). */
export const prefillFields = ['url', 'role', 'agent', 'token', 'cookie', 'referer', 'userAgent', 'docroot', 'webUser', 'har', 'headersFile', 'nginxConf', 'apacheConf', 'accessLog', 'errorLog'] as const;

/** How to give a prefilled question's answer on the command line, for messages. */
export function prefillHint(field: string | undefined): string | undefined {
	if (field === undefined) {
		return undefined;
	}

	if (field === 'url') {
		return 'give the URL (fix403 URL)';
	}

	if (field === 'agent') {
		return 'give --agent';
	}

	return `give --${field.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
}

/** The answer an option or prefill gives to a question, if any. */
export function presetAnswer(question: Question, input: SessionInput, _context: FlowContext): {value: string; source: AnswerSource} | undefined {
	const given = input.answers[question.id];
	if (given !== undefined) {
		return {value: given, source: 'option'};
	}

	const previous = input.previousAnswers?.[question.id];
	if (previous !== undefined) {
		return {value: previous, source: 'previous'};
	}

	const field = question.prefill as (typeof prefillFields)[number] | undefined;
	if (field === undefined) {
		return undefined;
	}

	if (field === 'agent') {
		return input.agent ? {value: question.kind === 'confirm' ? 'yes' : 'agent', source: 'option'} : undefined;
	}

	const value = input[field];
	return typeof value === 'string' && value !== '' ? {value, source: 'option'} : undefined;
}

const yes = new Set(['y', 'yes', 'true', '1', 'on']);
const no = new Set(['n', 'no', 'false', '0', 'off']);

/** Normalises an answer for its question, or says why it is refused. */
export function validateAnswer(question: Question, raw: string): {value: string} | {error: string} {
	switch (question.kind) {
		case 'choice': {
			const wanted = raw.trim().toLowerCase();
			const byNumber = /^\d+$/.test(wanted) ? question.choices?.[Number(wanted) - 1] : undefined;
			const choice = byNumber ?? question.choices?.find(option => option.value.toLowerCase() === wanted);
			return choice ? {value: choice.value} : {error: `"${raw}" is not one of: ${question.choices?.map(option => option.value).join(', ')}`};
		}

		case 'confirm': {
			const wanted = raw.trim().toLowerCase();
			return yes.has(wanted) ? {value: 'yes'} : no.has(wanted) ? {value: 'no'} : {error: 'answer yes or no'};
		}

		default: {
			const value = question.kind === 'paste' ? raw.replace(/\r\n?/g, '\n').trimEnd() : raw.trim();
			const reason = validators[question.validate ?? (question.kind === 'paste' ? 'optional' : 'non-empty')]?.(value);
			return reason === undefined ? {value} : {error: reason};
		}
	}
}

/** The ANSWER event for a normalised answer, with how it reads in the transcript. */
export function answerEvent(question: Question, value: string, source: AnswerSource): AnswerEvent {
	const choice = question.choices?.find(option => option.value === value);
	return {
		type: 'ANSWER',
		question: question.id,
		value,
		source,
		display: display(question, value, choice?.label),
		evidence: choice?.evidence,
	};
}

function display(question: Question, value: string, label: string | undefined): string {
	if (label !== undefined) {
		return label;
	}

	if (question.kind === 'confirm') {
		return value === 'yes' ? 'Yes' : 'No';
	}

	if (question.kind === 'paste') {
		const lines = value === '' ? 0 : value.split('\n').length;
		return lines === 0 ? '(nothing pasted)' : `(pasted ${lines} line${lines === 1 ? '' : 's'})`;
	}

	return value.length > 200 ? `${value.slice(0, 199)}…` : value;
}
