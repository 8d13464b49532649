import type {ApacheDirective, ApacheLocation} from './types.js';

export const optionNames = ['Indexes', 'Includes', 'IncludesNOEXEC', 'FollowSymLinks', 'SymLinksIfOwnerMatch', 'ExecCGI', 'MultiViews'] as const;
export type OptionName = (typeof optionNames)[number];

/** The options in effect, and for each option the `Options` line that last switched it on or off. */
export type OptionsState = {
	readonly on: ReadonlySet<OptionName>;
	readonly decidedBy: ReadonlyMap<OptionName, ApacheLocation>;
};

/** One `Options` line: absolute (replaces everything) or relative (`+X -Y`). */
export type OptionsChange = {
	readonly absolute: boolean;
	readonly add: readonly OptionName[];
	readonly remove: readonly OptionName[];
	readonly at: ApacheLocation;
	readonly error?: string;
};

/** httpd 2.4's default (`Options FollowSymLinks`), before any `Options` line applies. */
export const defaultOptions: OptionsState = {on: new Set(['FollowSymLinks']), decidedBy: new Map()};

const all: readonly OptionName[] = ['Indexes', 'Includes', 'FollowSymLinks', 'ExecCGI'];

/** Reads one `Options` directive as core.c's `set_options` does; mixing relative and absolute words is an error there. */
export function readOptions(directive: ApacheDirective): OptionsChange {
	const add: OptionName[] = [];
	const remove: OptionName[] = [];
	const relative = directive.args.filter(word => /^[+-]/.test(word)).length;
	const error = relative > 0 && relative < directive.args.length ? 'Either all Options must start with + or -, or no Option may.' : undefined;
	for (const word of directive.args) {
		const sign = /^[+-]/.test(word) ? word.slice(0, 1) : '';
		const names = optionWord(word.slice(sign.length));
		(sign === '-' ? remove : add).push(...names);
	}

	return {absolute: relative === 0, add, remove, at: {file: directive.file, line: directive.line}, error};
}

/** Applies a change: an absolute line replaces the set; a relative one adds and removes. */
export function applyOptions(state: OptionsState, change: OptionsChange): OptionsState {
	const on = new Set(change.absolute ? [] : state.on);
	const decidedBy = new Map(state.decidedBy);
	if (change.absolute) {
		for (const name of optionNames) {
			decidedBy.set(name, change.at);
		}
	}

	for (const name of change.remove) {
		on.delete(name);
		decidedBy.set(name, change.at);
	}

	for (const name of change.add) {
		on.add(name);
		decidedBy.set(name, change.at);
	}

	return {on, decidedBy};
}

function optionWord(word: string): OptionName[] {
	const lower = word.toLowerCase();
	if (lower === 'all') {
		return [...all];
	}

	if (lower === 'none') {
		return [];
	}

	if (lower === 'includesnoexec') {
		return ['Includes', 'IncludesNOEXEC'];
	}

	if (lower === 'followsymlinks') {
		return ['FollowSymLinks'];
	}

	return optionNames.filter(name => name.toLowerCase() === lower);
}
