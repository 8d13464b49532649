import type {VocabularyEntry} from '../../flow/vocabulary.js';
import type {GuardView} from '../guard-view.js';

/** A guard a flow can name: its vocabulary entry (params, description) and its pure test. */
export type GuardDefinition = VocabularyEntry & {
	test(view: GuardView, params: Readonly<Record<string, unknown>>, evaluate: (guard: unknown, view: GuardView) => boolean): boolean;
};
