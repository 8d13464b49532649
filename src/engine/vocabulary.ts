import {checks} from '../checks/registry.js';
import type {Vocabulary} from '../flow/vocabulary.js';
import {guards} from '../machine/guards/index.js';
import {prefillFields} from './answers.js';
import {validators} from './validators.js';

/** The names flow files may use: the checks and guards this build implements. */
export const vocabulary: Vocabulary = {
	checks,
	guards,
	validators: Object.keys(validators),
	prefills: prefillFields,
};
