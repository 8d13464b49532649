import type {ErrorLogEntry} from './error-entry.js';
import {type ErrorRule, errorRules, type RuleMatch} from './error-rules.js';
import {parseApacheErrorLine} from './parse-apache-error.js';
import {parseNginxErrorLine} from './parse-nginx-error.js';

/** Parses an nginx or Apache error-log line; undefined for any other text. Never throws. */
export function parseErrorLine(line: string): ErrorLogEntry | undefined {
	return parseNginxErrorLine(line) ?? parseApacheErrorLine(line);
}

/** An error-log entry recognised as bearing on a 403. */
export type ClassifiedError = {
	readonly entry: ErrorLogEntry;
	readonly rule: ErrorRule;
	readonly match: RuleMatch;
	/** Line number within what was read. */
	readonly line: number;
};

/** The first rule that recognises the entry, with the paths it names; undefined for unrelated lines. */
export function classifyErrorEntry(entry: ErrorLogEntry): {rule: ErrorRule; match: RuleMatch} | undefined {
	for (const rule of errorRules) {
		const match = rule.match(entry);
		if (match) {
			return {rule, match};
		}
	}

	return undefined;
}
