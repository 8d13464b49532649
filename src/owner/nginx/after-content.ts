import type {ContentOutcome} from './content-phase.js';
import {locationPattern} from './select-location.js';
import type {Directive} from './types.js';

/** What follows the content phase: another pass with a new URI (internal redirect), or a final status. */
export function afterContent(outcome: ContentOutcome, server: Directive, notes: string[]): {uri?: string; status?: number} {
	switch (outcome.kind) {
		case 'internal-redirect': {
			return {uri: outcome.uri};
		}

		case 'served':
		case 'listing': {
			return {status: 200};
		}

		case 'redirect-slash': {
			return {status: 301};
		}

		case 'status': {
			return {status: outcome.code};
		}

		case 'directory-index-missing': {
			return {status: 403};
		}

		case 'path-problem': {
			const {problem} = outcome;
			const notFound = problem.kind === 'missing' || problem.kind === 'not-directory'
				|| (problem.kind === 'symlink' && problem.policy === 'on' && !problem.final);
			return {status: notFound ? 404 : 403};
		}

		case 'named-location': {
			const named = (server.block ?? []).find(item => item.name === 'location' && locationPattern(item).pattern === outcome.name);
			notes.push(`the request goes on to named location ${outcome.name}${named === undefined ? '' : ` (${named.file}:${named.line})`}, which is not analysed further`);
			return {};
		}

		case 'unknown': {
			notes.push(outcome.reason);
			return {};
		}
	}
}
