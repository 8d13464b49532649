import type {ParamSpec} from './param-spec.js';
import type {Flow} from './types.js';

/** What a guard or check name means to the loader: its params, and any cross-check against the flow. */
export type VocabularyEntry = {
	readonly params: ParamSpec;
	readonly description: string;
	/** Extra judgement with the whole flow at hand (e.g. an answer value that no choice offers). */
	readonly crossCheck?: (params: Readonly<Record<string, unknown>>, flow: Flow) => string | undefined;
};

/** Every name a flow file may use. The loader refuses anything else before the first question. */
export type Vocabulary = {
	readonly checks: Readonly<Record<string, VocabularyEntry>>;
	readonly guards: Readonly<Record<string, VocabularyEntry>>;
	/** Named validators for text answers. */
	readonly validators: readonly string[];
	/** Session inputs a question may be prefilled from. */
	readonly prefills: readonly string[];
};
